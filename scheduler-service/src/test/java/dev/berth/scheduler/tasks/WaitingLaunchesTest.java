package dev.berth.scheduler.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The group commit of run-tasks: who goes together, and who is answered what. */
class WaitingLaunchesTest {

    /** Records each group it is given and answers it when the test says. */
    private final List<List<String>> groups = new ArrayList<>();
    private final List<Promise<List<TaskLauncher.Outcome>>> pending = new ArrayList<>();
    private final WaitingLaunches waiting = new WaitingLaunches(2, group -> {
        groups.add(group.stream().map(p -> p.launch().group()).toList());
        Promise<List<TaskLauncher.Outcome>> answer = Promise.promise();
        pending.add(answer);
        return answer.future();
    });

    private static TaskLauncher.Prepared launch(String name) {
        return new TaskLauncher.Prepared(TaskLauncher.Launch.dryRun("acme", "prod", null, null, 1, name, List.of(),
                List.of()), null, List.of(), null, null);
    }

    private static TaskLauncher.Outcome launched(String name) {
        return new TaskLauncher.Outcome(new TaskLauncher.Launched(List.of(), List.of(), List.of(name)), null);
    }

    @Test
    void launchesThatWaitForTheTurnGoTogetherAtMostGroupSizeAtATime() {
        Future<TaskLauncher.Launched> a = waiting.submit("acme/prod", launch("a"));
        Future<TaskLauncher.Launched> b = waiting.submit("acme/prod", launch("b"));
        Future<TaskLauncher.Launched> c = waiting.submit("acme/prod", launch("c"));
        Future<TaskLauncher.Launched> d = waiting.submit("acme/prod", launch("d"));
        Future<TaskLauncher.Launched> other = waiting.submit("acme/test", launch("other"));
        assertEquals(List.of(List.of("a"), List.of("other")), groups, "a cluster's first launch goes alone; clusters apart");

        pending.get(0).complete(List.of(launched("a")));
        assertEquals(List.of("a"), a.result().warnings());
        assertEquals(List.of("b", "c"), groups.get(2), "those that waited go together, two at most");
        assertTrue(!d.isComplete());

        pending.get(2).complete(List.of(launched("b"), new TaskLauncher.Outcome(null, new IllegalStateException("c's own"))));
        assertEquals(List.of("b"), b.result().warnings());
        assertEquals("c's own", c.cause().getMessage(), "a launch's own failure is its alone");
        assertEquals(List.of("d"), groups.get(3));

        pending.get(3).fail(new IllegalStateException("database gone"));
        assertEquals("database gone", d.cause().getMessage(), "a group's failure fails its launches");
        assertTrue(!other.isComplete());
        assertEquals(4, groups.size());
    }
}
