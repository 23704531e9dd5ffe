package dev.berth.scheduler;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ServiceContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class SchedulerServiceContractIT extends ServiceContract {

    SchedulerServiceContractIT() {
        super("scheduler");
    }
}
