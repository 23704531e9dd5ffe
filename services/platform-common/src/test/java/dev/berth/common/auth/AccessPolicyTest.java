package dev.berth.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

    private static Principal user(String tenant, Role... roles) {
        return new Principal(PrincipalKind.USER, "s", "n", Optional.ofNullable(tenant), Set.of(roles),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
    }

    private static Principal of(PrincipalKind kind, Role role) {
        return new Principal(kind, "s", "n", Optional.of("acme"), Set.of(role), Optional.of("prod"),
                Optional.of("h-1"), Optional.empty(), Optional.empty(), Set.of("registry:pull:acme/app"));
    }

    private static Principal task(String... scopes) {
        return new Principal(PrincipalKind.TASK, "s", "task/t-1", Optional.of("acme"), Set.of(), Optional.empty(),
                Optional.empty(), Optional.of("t-1"), Optional.of("web"), Set.of(scopes));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "VIEWER,READ,true", "VIEWER,DEPLOY,false", "VIEWER,MANAGE,false",
            "DEPLOYER,READ,true", "DEPLOYER,DEPLOY,true", "DEPLOYER,MANAGE,false",
            "ADMIN,READ,true", "ADMIN,DEPLOY,true", "ADMIN,MANAGE,true",
            "PLATFORM_OPERATOR,MANAGE,true", "HOST,READ,false", "PLATFORM_SERVICE,READ,false"})
    void levelsFollowOpsWorks(Role role, Action action, boolean allowed) {
        assertEquals(allowed, AccessPolicy.allows(user("acme", role), action));
    }

    @Test
    void noRoleMeansDeny() {
        assertFalse(AccessPolicy.allows(user("acme"), Action.READ));
    }

    @Test
    void hostsAndTasksHaveNoGeneralAccessEvenWithARole() {
        assertFalse(AccessPolicy.allows(of(PrincipalKind.HOST, Role.ADMIN), Action.READ));
        assertFalse(AccessPolicy.allows(of(PrincipalKind.TASK, Role.ADMIN), Action.READ));
    }

    @Test
    void tenantsSeeOnlyTheirOwnUnlessPlatformOperator() {
        assertTrue(AccessPolicy.canSeeTenant(user("acme", Role.VIEWER), "acme"));
        assertFalse(AccessPolicy.canSeeTenant(user("acme", Role.ADMIN), "globex"));
        assertFalse(AccessPolicy.canSeeTenant(user(null, Role.ADMIN), "globex"));
        assertTrue(AccessPolicy.canSeeTenant(user(null, Role.PLATFORM_OPERATOR), "globex"));
    }

    @Test
    void hostsActOnlyForThemselves() {
        Principal host = of(PrincipalKind.HOST, Role.HOST);
        assertTrue(AccessPolicy.isHost(host, "prod", "h-1"));
        assertFalse(AccessPolicy.isHost(host, "prod", "h-2"));
        assertFalse(AccessPolicy.isHost(host, "staging", "h-1"));
        assertFalse(AccessPolicy.isHost(user("acme", Role.ADMIN), "prod", "h-1"));
    }

    @Test
    void scopesMatchExactlyOrByTrailingWildcard() {
        Principal task = task("registry:pull:acme/app", "logs:write:/acme/web*");
        assertTrue(AccessPolicy.hasScope(task, "registry", "pull", "acme/app"));
        assertFalse(AccessPolicy.hasScope(task, "registry", "pull", "acme/ap"));
        assertFalse(AccessPolicy.hasScope(task, "registry", "push", "acme/app"));
        assertTrue(AccessPolicy.hasScope(task, "logs", "write", "/acme/web/access"));
        assertFalse(AccessPolicy.hasScope(task, "logs", "write", "/acme/db"));
        assertFalse(AccessPolicy.hasScope(of(PrincipalKind.SERVICE_ACCOUNT, Role.ADMIN), "registry", "pull", "acme/app"));
    }

    @Test
    void tasksReachTheApisOnlyThroughApiScopes() {
        assertFalse(AccessPolicy.allows(task("registry:pull:acme/app"), Action.READ));
        assertTrue(AccessPolicy.allows(task("api:read"), Action.READ));
        assertFalse(AccessPolicy.allows(task("api:read"), Action.DEPLOY));
        assertTrue(AccessPolicy.allows(task("api:deploy"), Action.DEPLOY));
        assertTrue(AccessPolicy.allows(task("api:deploy"), Action.READ));
        assertFalse(AccessPolicy.allows(task("api:read", "api:deploy"), Action.MANAGE));
    }

    @Test
    void onlyServiceAccountsWithThePlatformServiceRoleArePlatformServices() {
        assertTrue(AccessPolicy.isPlatformService(of(PrincipalKind.SERVICE_ACCOUNT, Role.PLATFORM_SERVICE)));
        assertFalse(AccessPolicy.isPlatformService(of(PrincipalKind.SERVICE_ACCOUNT, Role.ADMIN)));
        assertFalse(AccessPolicy.isPlatformService(of(PrincipalKind.USER, Role.PLATFORM_SERVICE)));
        assertFalse(AccessPolicy.allows(of(PrincipalKind.SERVICE_ACCOUNT, Role.PLATFORM_SERVICE), Action.READ));
    }
}
