package dev.berth.agent.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.agent.engine.ContainerSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartOrderTest {

    private static ContainerPlan container(String name, ContainerPlan.Dependency... dependsOn) {
        ContainerSpec spec = new ContainerSpec("c-" + name, "i", null, null, Map.of(), null, Map.of(), 2, 0, 0, 0,
                List.of(), "bridge", null, false, List.of());
        return new ContainerPlan(name, true, Arrays.asList(dependsOn), null, null, Duration.ofSeconds(30), 0, 0, spec);
    }

    private static ContainerPlan.Dependency on(String name, ContainerPlan.Condition condition) {
        return new ContainerPlan.Dependency(name, condition);
    }

    private final StartOrder order = new StartOrder(List.of(
            container("db"),
            container("migrate", on("db", ContainerPlan.Condition.HEALTHY)),
            container("app", on("migrate", ContainerPlan.Condition.SUCCESS), on("db", ContainerPlan.Condition.START)),
            container("sidecar", on("app", ContainerPlan.Condition.START)),
            container("report", on("app", ContainerPlan.Condition.COMPLETE))));

    private final Map<String, StartOrder.Progress> progress = new HashMap<>();

    @Test
    void eachContainerStartsOnceItsConditionsHold() {
        assertEquals(List.of("db"), order.startable(progress));
        progress.put("db", new StartOrder.Progress(true, null, "UNKNOWN"));
        assertEquals(List.of(), order.startable(progress), "migrate waits for db to be HEALTHY");
        progress.put("db", new StartOrder.Progress(true, null, "HEALTHY"));
        assertEquals(List.of("migrate"), order.startable(progress));
        progress.put("migrate", new StartOrder.Progress(true, null, null));
        assertEquals(List.of(), order.startable(progress), "app waits for migrate to succeed");
        progress.put("migrate", new StartOrder.Progress(true, 0, null));
        assertEquals(List.of("app"), order.startable(progress));
        progress.put("app", new StartOrder.Progress(true, null, null));
        assertEquals(List.of("sidecar"), order.startable(progress));
        progress.put("app", new StartOrder.Progress(true, 0, null));
        assertEquals(List.of("sidecar", "report"), order.startable(progress), "COMPLETE: any exit code");
        assertTrue(order.blocked(progress).isEmpty());
    }

    @Test
    void aDependencyThatExitedWithTheWrongCodeOrWentUnhealthyBlocksForGood() {
        progress.put("db", new StartOrder.Progress(true, null, "HEALTHY"));
        progress.put("migrate", new StartOrder.Progress(true, 3, null));
        assertTrue(order.blocked(progress).orElseThrow().contains("migrate did not reach SUCCESS (exit code 3)"));

        progress.clear();
        progress.put("db", new StartOrder.Progress(true, null, "UNHEALTHY"));
        assertTrue(order.blocked(progress).orElseThrow().contains("db did not reach HEALTHY"));
    }
}
