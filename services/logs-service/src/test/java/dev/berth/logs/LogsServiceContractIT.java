package dev.berth.logs;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ServiceContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class LogsServiceContractIT extends ServiceContract {

    LogsServiceContractIT() {
        super("logs");
    }
}
