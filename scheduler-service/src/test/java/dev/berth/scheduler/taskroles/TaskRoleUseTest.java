package dev.berth.scheduler.taskroles;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.common.auth.Principal;
import dev.berth.common.auth.PrincipalKind;
import dev.berth.common.auth.Role;
import dev.berth.common.error.ApiException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskRoleUseTest {

    private static final Principal DEPLOYER = new Principal(PrincipalKind.USER, "u", "acme-deployer", Optional.of("acme"),
            Set.of(Role.DEPLOYER), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
    private static final Principal TASK_WITH_DEPLOY = new Principal(PrincipalKind.TASK, "t", "acme-task-1",
            Optional.of("acme"), Set.of(), Optional.empty(), Optional.empty(), Optional.of("1"), Optional.of("ci"),
            Set.of("api:deploy"));

    @Test
    void aRoleOfTheCallersTenantByNameOrArnIsUsable() {
        assertDoesNotThrow(() -> TaskRoleUse.require("taskRoleArn", "arn:berth:iam::acme:role/web", DEPLOYER, "acme"));
        assertDoesNotThrow(() -> TaskRoleUse.require("overrides.taskRoleArn", "web", DEPLOYER, "acme"));
        assertDoesNotThrow(() -> TaskRoleUse.require("overrides.taskRoleArn", null, DEPLOYER, "acme"));
    }

    @Test
    void aRoleOfAnotherTenantOrAMalformedOneIsRefusedNamingTheField() {
        ApiException other = assertThrows(ApiException.class, () -> TaskRoleUse.require("overrides.taskRoleArn",
                "arn:berth:iam::globex:role/web", DEPLOYER, "acme"));
        assertEquals(400, other.status());
        assertTrue(other.getMessage().startsWith("overrides.taskRoleArn: "), other.getMessage());
        ApiException malformed = assertThrows(ApiException.class, () -> TaskRoleUse.require("taskRoleArn",
                "arn:aws:iam::123:role/x y", DEPLOYER, "acme"));
        assertTrue(malformed.getMessage().startsWith("taskRoleArn: "), malformed.getMessage());
    }

    @Test
    void aTaskPassesOnOnlyItsOwnRole() {
        assertDoesNotThrow(() -> TaskRoleUse.require("overrides.taskRoleArn", "arn:berth:iam::acme:role/ci",
                TASK_WITH_DEPLOY, "acme"));
        ApiException wider = assertThrows(ApiException.class, () -> TaskRoleUse.require("overrides.taskRoleArn",
                "arn:berth:iam::acme:role/admin-tools", TASK_WITH_DEPLOY, "acme"));
        assertEquals(403, wider.status());
    }
}
