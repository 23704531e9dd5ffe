package dev.berth.agent.tasks;

import dev.berth.agent.Threads;
import dev.berth.agent.engine.ContainerEngine;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs a container's health check the way Docker does (the engine may not: Podman runs them only
 * from systemd timers): the command inside the container every interval; the first success makes
 * it HEALTHY, {@code retries} failures in a row UNHEALTHY, failures within the start period do
 * not count.
 */
final class HealthMonitor implements Runnable {

    private final ContainerEngine engine;
    private final String containerId;
    private final ContainerPlan.HealthCheck check;
    private final Consumer<String> changed;
    private volatile boolean stopped;
    private Thread thread;

    HealthMonitor(ContainerEngine engine, String containerId, ContainerPlan.HealthCheck check, Consumer<String> changed) {
        this.engine = engine;
        this.containerId = containerId;
        this.check = check;
        this.changed = changed;
    }

    void start() {
        thread = Threads.start("health-" + containerId, this);
    }

    void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public void run() {
        long startedAt = System.nanoTime();
        String status = "UNKNOWN";
        int failures = 0;
        while (!stopped) {
            if (!sleep(check.interval())) {
                return;
            }
            ContainerEngine.ExecResult result;
            try {
                result = engine.exec(containerId, check.command(), check.timeout());
            } catch (RuntimeException e) {
                result = new ContainerEngine.ExecResult(-1, e.getMessage());
            }
            if (stopped) {
                return;
            }
            String next = status;
            if (result.exitCode() == 0) {
                failures = 0;
                next = "HEALTHY";
            } else if (System.nanoTime() - startedAt > check.startPeriod().toNanos() && ++failures >= check.retries()) {
                next = "UNHEALTHY";
            }
            if (!next.equals(status)) {
                status = next;
                changed.accept(status);
            }
        }
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
