package dev.berth.logs;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ServiceContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class LogsServiceContractTest extends ServiceContractTest {

    LogsServiceContractTest() {
        super("logs");
    }
}
