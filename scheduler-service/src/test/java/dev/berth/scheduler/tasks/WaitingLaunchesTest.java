package dev.berth.scheduler.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.scheduler.clusters.ClusterKey;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The group commit of run-tasks: who goes together, and who is answered what. */
class WaitingLaunchesTest {

    /** Records each group it is given and answers it when the test says. */
    private final List<List<String>> groups = new ArrayList<>();
    private final List<CompletableFuture<List<TaskLauncher.Outcome>>> pending = new ArrayList<>();
    private final WaitingLaunches waiting = new WaitingLaunches(2, group -> {
        groups.add(group.stream().map(p -> p.launch().group()).toList());
        CompletableFuture<List<TaskLauncher.Outcome>> answer = new CompletableFuture<>();
        pending.add(answer);
        return Uni.createFrom().completionStage(answer);
    });
    private static final ClusterKey PROD = new ClusterKey("acme", "prod");
    private static final ClusterKey TEST = new ClusterKey("acme", "test");

    private CompletableFuture<TaskLauncher.Launched> submit(ClusterKey cluster, String name) {
        return waiting.submit(cluster, launch(name)).subscribeAsCompletionStage();
    }

    private static String failure(CompletableFuture<TaskLauncher.Launched> answer) {
        return assertThrows(CompletionException.class, answer::join).getCause().getMessage();
    }

    private static TaskLauncher.Prepared launch(String name) {
        return new TaskLauncher.Prepared(TaskLauncher.Launch.dryRun("acme", "prod", null, null, 1, name, List.of(),
                List.of()), null, List.of(), null, null);
    }

    private static TaskLauncher.Outcome launched(String name) {
        return new TaskLauncher.Outcome(new TaskLauncher.Launched(List.of(), List.of(), List.of(name)), null);
    }

    @Test
    void launchesThatWaitForTheTurnGoTogetherAtMostGroupSizeAtATime() {
        CompletableFuture<TaskLauncher.Launched> a = submit(PROD, "a");
        CompletableFuture<TaskLauncher.Launched> b = submit(PROD, "b");
        CompletableFuture<TaskLauncher.Launched> c = submit(PROD, "c");
        CompletableFuture<TaskLauncher.Launched> d = submit(PROD, "d");
        CompletableFuture<TaskLauncher.Launched> other = submit(TEST, "other");
        assertEquals(List.of(List.of("a"), List.of("other")), groups, "a cluster's first launch goes alone; clusters apart");

        pending.get(0).complete(List.of(launched("a")));
        assertEquals(List.of("a"), a.join().warnings());
        assertEquals(List.of("b", "c"), groups.get(2), "those that waited go together, two at most");
        assertTrue(!d.isDone());

        pending.get(2).complete(List.of(launched("b"), new TaskLauncher.Outcome(null, new IllegalStateException("c's own"))));
        assertEquals(List.of("b"), b.join().warnings());
        assertEquals("c's own", failure(c), "a launch's own failure is its alone");
        assertEquals(List.of("d"), groups.get(3));

        pending.get(3).completeExceptionally(new IllegalStateException("database gone"));
        assertEquals("database gone", failure(d), "a group's failure fails its launches");
        assertTrue(!other.isDone());
        assertEquals(4, groups.size());
    }
}
