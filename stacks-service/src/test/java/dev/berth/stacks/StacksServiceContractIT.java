package dev.berth.stacks;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ServiceContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class StacksServiceContractIT extends ServiceContract {

    StacksServiceContractIT() {
        super("stacks");
    }
}
