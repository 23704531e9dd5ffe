package dev.berth.scheduler.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.common.scaling.ScalingAction;
import dev.berth.common.scaling.ScalingOutcome;
import dev.berth.scheduler.services.SchedulingStrategy;
import dev.berth.scheduler.services.Service;
import dev.berth.scheduler.services.ServiceStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the scheduler does with a desired count the autoscaler decided. */
class DesiredCountDecisionTest {

    private static Optional<Service> service(ServiceStatus status, SchedulingStrategy strategy, int desired) {
        return Optional.of(new Service("acme", "prod", "web", status, strategy, desired, null, null, false, false, null,
                null, 0, false, null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            scale-out                        ; ACTIVE   ; REPLICA ; 2 ; 4  ; 1 ; 10 ; false ; false ; SUCCESSFUL  ; 4 ; Successfully set desired count to 4. Change successfully fulfilled by ecs.
            scale-out during a deployment    ; ACTIVE   ; REPLICA ; 2 ; 4  ; 1 ; 10 ; false ; true  ; SUCCESSFUL  ; 4 ; Successfully set desired count to 4. Change successfully fulfilled by ecs.
            scale-in                         ; ACTIVE   ; REPLICA ; 4 ; 2  ; 1 ; 10 ; true  ; false ; SUCCESSFUL  ; 2 ; Successfully set desired count to 2. Change successfully fulfilled by ecs.
            scale-in during a deployment     ; ACTIVE   ; REPLICA ; 4 ; 2  ; 1 ; 10 ; true  ; true  ; UNFULFILLED ; 4 ; Scale-in to 2 is held: a deployment of the service is in progress.
            above the target's max           ; ACTIVE   ; REPLICA ; 2 ; 40 ; 1 ; 10 ; false ; false ; SUCCESSFUL  ; 10 ; Successfully set desired count to 10. Change successfully fulfilled by ecs.
            below the target's min           ; ACTIVE   ; REPLICA ; 4 ; 0  ; 2 ; 10 ; true  ; false ; SUCCESSFUL  ; 2 ; Successfully set desired count to 2. Change successfully fulfilled by ecs.
            above the scheduler's cap        ; ACTIVE   ; REPLICA ; 2 ; 90 ; 1 ; 99 ; false ; false ; SUCCESSFUL  ; 50 ; Successfully set desired count to 50. Change successfully fulfilled by ecs.
            a draining service               ; DRAINING ; REPLICA ; 2 ; 4  ; 1 ; 10 ; false ; false ; FAILED      ; 2 ; Failed to set desired count to 4. Reason: service web is DRAINING.
            a daemon service                 ; ACTIVE   ; DAEMON  ; 2 ; 4  ; 1 ; 10 ; false ; false ; FAILED      ; 2 ; Failed to set desired count to 4. Reason: a DAEMON service runs one task on each container instance, so its desired count cannot be set.
            """)
    void decides(String name, ServiceStatus status, SchedulingStrategy strategy, int current, int wanted, int min, int max,
                 boolean scaleIn, boolean deploying, ScalingOutcome.Status expected, int count, String message) {
        ScalingAction action = new ScalingAction("a-1", "service/prod/web", ScalingAction.ECS_SERVICE_DESIRED_COUNT, "prod",
                "web", wanted, min, max, scaleIn, "cause");
        ScalingOutcome outcome = DesiredCountDecision.decide(action, service(status, strategy, current), deploying, 50);
        assertEquals(new ScalingOutcome("a-1", "service/prod/web", expected, message, current, count), outcome);
    }

    @Test
    void aServiceThatIsGoneFails() {
        ScalingAction action = new ScalingAction("a-2", "service/prod/gone", ScalingAction.ECS_SERVICE_DESIRED_COUNT, "prod",
                "gone", 3, 1, 10, false, "cause");
        assertEquals(new ScalingOutcome("a-2", "service/prod/gone", ScalingOutcome.Status.FAILED,
                        "Failed to set desired count to 3. Reason: service gone not found in cluster prod.", null, null),
                DesiredCountDecision.decide(action, Optional.empty(), false, 50));
    }
}
