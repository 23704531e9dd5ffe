package dev.berth.registry;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ServiceContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class RegistryServiceContractTest extends ServiceContractTest {

    RegistryServiceContractTest() {
        super("registry");
    }
}
