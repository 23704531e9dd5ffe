package dev.berth.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskScopeTest {

    @ParameterizedTest
    @ValueSource(strings = {"registry:pull:acme/app", "registry:push:acme/team/app-1", "registry:pull:acme/*",
            "registry:pull:*", "logs:write:/ecs/web", "logs:read:/ecs/*", "api:read", "api:deploy"})
    void acceptsTheGrammar(String scope) {
        assertEquals(scope, TaskScope.parse(scope).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "s3:get:bucket|does not start with",
            "registry:delete:acme/app|action must be one of pull,push",
            "registry:pull|must end in a repository name",
            "registry:pull:Acme/App|must end in a repository name",
            "registry:pull:acme/a*b|must end in a repository name",
            "logs:write:bad group|must end in a log group name",
            "api:write|is not one of api:read, api:deploy",
            "api:read:x|is not one of api:read, api:deploy"})
    void rejectsWithAReason(String scope, String reason) {
        var e = assertThrows(IllegalArgumentException.class, () -> TaskScope.parse(scope));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "registry:pull:acme/app,registry,pull,acme/app,true",
            "registry:pull:acme/app,registry,pull,acme/app2,false",
            "registry:pull:acme/*,registry,pull,acme/team/app,true",
            "registry:pull:acme/*,registry,pull,globex/app,false",
            "registry:pull:acme/*,registry,push,acme/app,false",
            "logs:write:/ecs/web*,logs,write,/ecs/web-2,true",
            "api:read,api,read,,true"})
    void grantsMatchByNameOrPrefix(String scope, String service, String action, String name, boolean granted) {
        assertEquals(granted, TaskScope.parse(scope).grants(service, action, name == null ? "" : name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void emptyIsRejected(String scope) {
        assertFalse(assertThrows(IllegalArgumentException.class, () -> TaskScope.parse(scope)).getMessage().isEmpty());
    }
}
