package dev.berth.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalsTest {

    @Test
    void readsAUserWithTenantAndRoles() {
        Principal p = Principals.from(new MapClaims(Map.of(
                "sub", "u-1", "preferred_username", "acme-deployer", "tenant", "acme",
                "realm_access", Map.of("roles", List.of("deployer", "offline_access")),
                "scope", "email profile")));
        assertEquals(PrincipalKind.USER, p.kind());
        assertEquals("acme-deployer", p.name());
        assertEquals(Optional.of("acme"), p.tenant());
        assertEquals(Set.of(Role.DEPLOYER), p.roles());
        assertEquals(Set.of("email", "profile"), p.scopes());
    }

    @Test
    void readsAServiceAccountByItsClientId() {
        Principal p = Principals.from(new MapClaims(Map.of(
                "sub", "sa-1", "preferred_username", "service-account-acme-ci", "client_id", "acme-ci",
                "tenant", "acme", "realm_access", Map.of("roles", List.of("deployer")))));
        assertEquals(PrincipalKind.SERVICE_ACCOUNT, p.kind());
        assertEquals("acme-ci", p.name());
    }

    @Test
    void readsAHostOnlyWithTheHostRole() {
        Map<String, Object> claims = Map.of("sub", "h", "tenant", "acme", "cluster", "prod", "host_id", "h-7",
                "preferred_username", "service-account-host-h-7", "realm_access", Map.of("roles", List.of("host")));
        Principal host = Principals.from(new MapClaims(claims));
        assertEquals(PrincipalKind.HOST, host.kind());
        assertEquals(Optional.of("prod"), host.cluster());
        assertEquals(Optional.of("h-7"), host.hostId());

        Principal noRole = Principals.from(new MapClaims(Map.of("sub", "h", "host_id", "h-7",
                "preferred_username", "mallory", "realm_access", Map.of("roles", List.of("viewer")))));
        assertEquals(PrincipalKind.USER, noRole.kind());
    }

    @Test
    void readsATaskWithItsRoleAndScopes() {
        Principal p = Principals.from(new MapClaims(Map.of("sub", "t", "tenant", "acme", "task_id", "t-1",
                "task_role", "app-role", "scope", "registry:pull:app logs:write:/app",
                "realm_access", Map.of("roles", List.of("host")))));
        assertEquals(PrincipalKind.TASK, p.kind());
        assertEquals(Optional.of("app-role"), p.taskRole());
        assertEquals(Set.of("registry:pull:app", "logs:write:/app"), p.scopes());
        assertTrue(p.roles().isEmpty(), "a task never holds the host role");
    }
}
