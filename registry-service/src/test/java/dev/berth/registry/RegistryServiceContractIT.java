package dev.berth.registry;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ServiceContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class RegistryServiceContractIT extends ServiceContract {

    RegistryServiceContractIT() {
        super("registry");
    }
}
