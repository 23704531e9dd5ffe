package dev.berth.logs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.common.auth.Principal;
import dev.berth.common.auth.PrincipalKind;
import dev.berth.common.auth.Role;
import dev.berth.common.error.ApiException;
import dev.berth.logs.events.InputEvent;
import dev.berth.logs.events.PutLogEventsLimits;
import dev.berth.logs.groups.ReservedGroups;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchAdmissionTest {

    private static IncomingBatch batch(String id, String cluster, String host, String group, String... messages) {
        return new IncomingBatch(id, "acme", cluster, host, group, "api-calls",
                java.util.Arrays.stream(messages).map(m -> new InputEvent(1L, m)).toList());
    }

    @Test
    void onlyTheAuditTrailWritesTheAuditGroup() {
        assertTrue(BatchAdmission.of(batch("audit/1", null, null, AuditTrail.GROUP, "x")).admitted().isPresent());
        assertTrue(BatchAdmission.of(batch("audit/1", "default", "h1", AuditTrail.GROUP, "x")).admitted().isEmpty());
        assertTrue(BatchAdmission.of(batch("h1/logs/1/1", "default", "h1", AuditTrail.GROUP, "x")).admitted().isEmpty());
        assertTrue(BatchAdmission.of(batch("audit/1", null, null, "/berth/other", "x")).admitted().isEmpty());
        assertTrue(BatchAdmission.of(batch("h1/logs/1/1", "default", "h1", "/ecs/web", "x")).admitted().isPresent());
    }

    @Test
    void oversizedEventsAreCutToTheLimitNeverInsideACharacter() {
        String big = "é".repeat(200_000);
        IncomingBatch incoming = batch("h/1", "c", "h", "/ecs/web", "small", big);
        BatchAdmission.Decision decision = BatchAdmission.of(incoming);
        assertEquals(1, decision.truncatedEvents());
        List<InputEvent> events = decision.admitted().orElseThrow().events();
        assertSame(incoming.events().get(0).message(), events.get(0).message());
        int bytes = events.get(1).message().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes + PutLogEventsLimits.EVENT_OVERHEAD_BYTES <= PutLogEventsLimits.MAX_EVENT_BYTES);
        assertTrue(bytes + PutLogEventsLimits.EVENT_OVERHEAD_BYTES > PutLogEventsLimits.MAX_EVENT_BYTES - 2);
        assertTrue(big.startsWith(events.get(1).message()));
    }

    @Test
    void onlyAPlatformOperatorChangesAReservedGroup() {
        Principal admin = principal(Role.ADMIN);
        Principal operator = principal(Role.PLATFORM_OPERATOR);
        ApiException refused = assertThrows(ApiException.class,
                () -> ReservedGroups.refuseUnlessOperator(admin, AuditTrail.GROUP));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().startsWith("logGroupName"));
        ReservedGroups.refuseUnlessOperator(operator, AuditTrail.GROUP);
        ReservedGroups.refuseUnlessOperator(admin, "/ecs/web");
        assertThrows(ApiException.class, () -> ReservedGroups.refuse(AuditTrail.GROUP));
    }

    private static Principal principal(Role role) {
        return new Principal(PrincipalKind.USER, "id", "someone", Optional.of("acme"), Set.of(role), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
    }
}
