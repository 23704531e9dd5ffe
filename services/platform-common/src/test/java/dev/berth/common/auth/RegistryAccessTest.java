package dev.berth.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryAccessTest {

    private static final Set<String> EVERYTHING = Set.of("pull", "push", "delete", "*");

    private static Principal caller(String who) {
        Set<Role> roles = switch (who) {
            case "viewer" -> Set.of(Role.VIEWER);
            case "deployer" -> Set.of(Role.DEPLOYER);
            case "admin" -> Set.of(Role.ADMIN);
            case "operator" -> Set.of(Role.PLATFORM_OPERATOR);
            case "host" -> Set.of(Role.HOST);
            default -> Set.of();
        };
        PrincipalKind kind = switch (who) {
            case "host" -> PrincipalKind.HOST;
            case "task" -> PrincipalKind.TASK;
            default -> PrincipalKind.USER;
        };
        Optional<String> tenant = who.equals("operator") ? Optional.empty() : Optional.of("acme");
        return new Principal(kind, "s", who, tenant, roles, Optional.empty(), Optional.empty(),
                kind == PrincipalKind.TASK ? Optional.of("t-1") : Optional.empty(), Optional.empty(),
                Set.of("registry:pull:acme/app", "registry:push:acme/app-cache*"));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
            "viewer,acme/app,pull",
            "deployer,acme/app,pull push",
            "admin,acme/app,pull push delete *",
            "operator,globex/app,pull push delete *",
            "admin,globex/app,''",
            "host,acme/app,pull",
            "host,globex/app,''",
            "task,acme/app,pull",
            "task,acme/app-cache/v1,push",
            "task,acme/other,''",
            "nobody,acme/app,''"})
    void grantsFollowRolesAndScopes(String who, String repository, String expected) {
        Set<String> granted = RegistryAccess.granted(caller(who), repository, EVERYTHING);
        Set<String> want = expected.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(expected.split(" ")));
        assertEquals(want, granted);
    }

    @ParameterizedTest
    @CsvSource({"acme/app,acme", "acme/team/app,acme", "app,''"})
    void theTenantIsTheFirstPathComponent(String repository, String tenant) {
        assertEquals(tenant, RegistryAccess.tenantOf(repository));
    }
}
