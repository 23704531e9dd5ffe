package dev.berth.gateway.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelTest {

    @ParameterizedTest
    @CsvSource({"deny,DENY", "none,DENY", "show,SHOW", "viewer,SHOW", "Deploy,DEPLOY", "deployer,DEPLOY",
            "manage,MANAGE", " admin ,MANAGE"})
    void acceptsOpsWorksAndBerthNames(String input, Level expected) {
        assertEquals(Optional.of(expected), Level.parse(input));
    }

    @ParameterizedTest
    @CsvSource({"root", "''", "iam:*"})
    void rejectsAnythingElse(String input) {
        assertEquals(Optional.empty(), Level.parse(input));
    }

    @ParameterizedTest
    @CsvSource({"viewer,SHOW", "deployer,DEPLOY", "admin,MANAGE"})
    void mapsRolesBack(String role, Level level) {
        assertEquals(Optional.of(level), Level.ofRole(role));
        assertEquals(Optional.of(role), level.role());
    }

    @org.junit.jupiter.api.Test
    void readsALevelFromGroupPathsOfOneTenantOnly() {
        assertEquals(Optional.of(Level.DEPLOY), Level.inTenant("acme", java.util.List.of("/globex/admin", "/acme/deployer")));
        assertEquals(Optional.of(Level.DENY), Level.inTenant("acme", java.util.List.of("/acme")));
        assertEquals(Optional.of(Level.MANAGE), Level.inTenant("acme", java.util.List.of("/acme/viewer", "/acme/admin")));
        assertEquals(Optional.empty(), Level.inTenant("acme", java.util.List.of("/globex/admin", "/acme-corp/admin")));
        assertEquals(Optional.empty(), Level.inTenant("acme", java.util.List.of("/acme/admin/extra")));
    }
}
