package dev.berth.autoscaler;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ServiceContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class AutoscalerServiceContractIT extends ServiceContract {

    AutoscalerServiceContractIT() {
        super("autoscaler");
    }
}
