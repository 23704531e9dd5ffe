package dev.berth.gateway.registrytoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryScopeTest {

    @Test
    void readsTypeNameAndActions() {
        assertEquals(new RegistryScope("repository", "acme/app", Set.of("pull", "push")),
                RegistryScope.parse("repository:acme/app:pull,push"));
        assertEquals(new RegistryScope("repository", "localhost:5000/acme/app", Set.of("pull")),
                RegistryScope.parse("repository:localhost:5000/acme/app:pull"));
        assertEquals(new RegistryScope("registry", "catalog", Set.of("*")), RegistryScope.parse("registry:catalog:*"));
    }

    @Test
    void severalScopesPerValueAndSeveralValues() {
        assertEquals(3, RegistryScope.parseAll(List.of("repository:a/b:pull repository:a/c:push",
                "repository:a/d:pull")).size());
        assertEquals(List.of(), RegistryScope.parseAll(null));
    }

    @Test
    void malformedScopesAreRefused() {
        for (String bad : List.of("repository", "repository:acme", ":x:pull", "repository:acme/app:")) {
            assertThrows(IllegalArgumentException.class, () -> RegistryScope.parse(bad), bad);
        }
    }
}
