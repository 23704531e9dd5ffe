package dev.berth.agent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The agent's own threads: daemon platform threads with a small stack. The agent runs on Java 17
 * (what Debian 12 ships), which has no virtual threads; it keeps one thread per task and per
 * health check, few enough for platform threads.
 */
public final class Threads {

    private static final long STACK_BYTES = 256 * 1024;

    private Threads() {
    }

    public static Thread start(String name, Runnable body) {
        Thread thread = new Thread(null, body, name, STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** A pool that grows as needed and lets idle threads go. */
    public static ExecutorService pool(String name) {
        return Executors.newCachedThreadPool(body -> {
            Thread thread = new Thread(null, body, name, STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
    }
}
