package dev.berth.scheduler.tasks;

import dev.berth.scheduler.clusters.ClusterKey;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Run-tasks of one cluster take turns, so while one is placed the next ones wait; rather than
 * paying the turn (lock, reads, writes, commit) once each, whoever finds the cluster free places
 * every launch waiting then in one transaction (group commit). A launch is answered on its own
 * either way: with its tasks and failures, or with the error that was its alone.
 */
final class WaitingLaunches {

    private record Waiting(TaskLauncher.Prepared prepared, CompletableFuture<TaskLauncher.Launched> answer) {
    }

    private record Cluster(Queue<Waiting> queue, AtomicBoolean placing) {
    }

    private final int groupSize;
    private final Function<List<TaskLauncher.Prepared>, Uni<List<TaskLauncher.Outcome>>> attempt;
    private final Map<ClusterKey, Cluster> clusters = new ConcurrentHashMap<>();

    /**
     * @param groupSize at most this many launches go in one group, the rest in the next: one transaction stays short
     * @param attempt   places a group in one transaction; answers each launch's outcome in the group's order
     */
    WaitingLaunches(int groupSize, Function<List<TaskLauncher.Prepared>, Uni<List<TaskLauncher.Outcome>>> attempt) {
        this.groupSize = groupSize;
        this.attempt = attempt;
    }

    /** The launch joins its cluster's queue when the answer is subscribed to. */
    Uni<TaskLauncher.Launched> submit(ClusterKey cluster, TaskLauncher.Prepared prepared) {
        return Uni.createFrom().completionStage(() -> {
            Cluster waiting = clusters.computeIfAbsent(cluster, c -> new Cluster(new ConcurrentLinkedQueue<>(), new AtomicBoolean()));
            CompletableFuture<TaskLauncher.Launched> answer = new CompletableFuture<>();
            waiting.queue().add(new Waiting(prepared, answer));
            placeNext(waiting);
            return answer;
        });
    }

    private void placeNext(Cluster cluster) {
        if (!cluster.placing().compareAndSet(false, true)) {
            return; // the group being placed picks this one up when it is done
        }
        List<Waiting> group = new ArrayList<>();
        for (Waiting next = cluster.queue().poll(); next != null; next = group.size() < groupSize ? cluster.queue().poll() : null) {
            group.add(next);
        }
        if (group.isEmpty()) {
            cluster.placing().set(false);
            if (!cluster.queue().isEmpty()) {
                placeNext(cluster); // added between the poll and the reset
            }
            return;
        }
        attempt.apply(group.stream().map(Waiting::prepared).toList()).subscribe().with(
                outcomes -> answered(cluster, group, outcomes, null),
                failure -> answered(cluster, group, null, failure));
    }

    private void answered(Cluster cluster, List<Waiting> group, List<TaskLauncher.Outcome> outcomes, Throwable failure) {
        for (int i = 0; i < group.size(); i++) {
            CompletableFuture<TaskLauncher.Launched> answer = group.get(i).answer();
            Throwable cause = failure != null ? failure : outcomes.get(i).failure();
            if (cause != null) {
                answer.completeExceptionally(cause);
            } else {
                answer.complete(outcomes.get(i).launched());
            }
        }
        cluster.placing().set(false);
        placeNext(cluster);
    }
}
