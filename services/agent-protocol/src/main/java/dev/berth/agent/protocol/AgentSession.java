package dev.berth.agent.protocol;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's side of the channel: connects with a host token, says hello, hands each command to
 * the host exactly once and in order, acknowledges it, numbers reports and sends them again after
 * a reconnect until the scheduler acknowledges them, and reconnects with backoff when the
 * connection drops. The host agent, the tests' scripted hosts and the load tool all use it.
 */
public final class AgentSession {

    private static final Logger LOG = Logger.getLogger(AgentSession.class.getName());
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);

    /**
     * The close code of a channel whose token expired: the scheduler re-checks a host's right to
     * its channel when the token that opened it runs out, so the session reconnects at once with a
     * fresh token (a host whose credentials were revoked gets none and stays out).
     */
    public static final int TOKEN_EXPIRED = 4001;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** What the session needs from the host it speaks for. */
    public interface Host {
        /** The hello to open a connection with; {@code lastCommandSeq} is what the session has recorded. */
        AgentMessage.Hello hello(long lastCommandSeq);

        /** Called once per command, in sequence order; when it returns, the command counts as recorded. */
        void onCommand(AgentMessage.Command command);

        /** The scheduler accepted the hello. */
        default void onWelcome(AgentMessage.Welcome welcome) {
        }

        /** The scheduler refused the host; the session stops. */
        default void onRefused(AgentMessage.Refused refused) {
        }
    }

    private final URI uri;
    private final Supplier<String> tokens;
    private final Host host;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final TreeMap<Long, AgentMessage.Report> unacknowledged = new TreeMap<>();
    private long lastCommandSeq;
    private long nextReportSeq = 1;
    private WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private boolean welcomed;
    private boolean stopped;
    private Duration backoff = MIN_BACKOFF;
    private int connects;

    /**
     * @param uri            the channel, e.g. {@code ws://gateway:8080/api/agent/v1/connect}
     * @param tokens         a current host access token for each connect
     * @param lastCommandSeq the last command a previous run of the agent recorded (0 for a new host)
     */
    public AgentSession(URI uri, Supplier<String> tokens, Host host, HttpClient http, ScheduledExecutorService timer,
                        long lastCommandSeq) {
        this.uri = uri;
        this.tokens = tokens;
        this.host = host;
        this.http = http;
        this.timer = timer;
        this.lastCommandSeq = lastCommandSeq;
    }

    public void start() {
        connect();
    }

    /** Closes the connection and does not reconnect. */
    public synchronized void stop() {
        stopped = true;
        if (socket != null) {
            socket.abort();
        }
    }

    /** Drops the connection as a network failure would; the session reconnects on its own. */
    public void dropConnection() {
        WebSocket ws;
        synchronized (this) {
            ws = socket;
        }
        if (ws != null) {
            ws.abort(); // the listener is not told of an abort
            lost(ws);
        }
    }

    private void lost(WebSocket ws) {
        synchronized (this) {
            if (socket != ws) {
                return; // an older connection, already replaced
            }
        }
        reconnectLater();
    }

    public synchronized boolean connected() {
        return welcomed;
    }

    /** How many times the session has connected (a test sees reconnects). */
    public synchronized int connects() {
        return connects;
    }

    public synchronized long lastCommandSeq() {
        return lastCommandSeq;
    }

    public synchronized int unacknowledgedReports() {
        return unacknowledged.size();
    }

    public void reportTaskState(String taskArn, String lastStatus, List<AgentMessage.ContainerState> containers,
                                String stopCode, String stoppedReason) {
        report(seq -> new AgentMessage.TaskStateReport(seq, taskArn, lastStatus, containers, stopCode, stoppedReason,
                Instant.now()));
    }

    public void reportLogs(String logGroup, String logStream, List<AgentMessage.LogEvent> events) {
        report(seq -> new AgentMessage.LogBatch(seq, logGroup, logStream, events));
    }

    public void reportMetrics(List<AgentMessage.Datapoint> datapoints) {
        report(seq -> new AgentMessage.MetricBatch(seq, datapoints));
    }

    /** Heartbeats are not kept for later: one missed while disconnected is simply not sent. */
    public synchronized void heartbeat(int cpuUsed, int memoryUsed, int runningTasks) {
        heartbeat(cpuUsed, memoryUsed, runningTasks, null);
    }

    /** Sends a heartbeat when connected (with the machine's bound ports if they changed); whether it was sent. */
    public synchronized boolean heartbeat(int cpuUsed, int memoryUsed, int runningTasks,
                                          AgentMessage.BoundPorts boundPorts) {
        if (welcomed) {
            send(new AgentMessage.Heartbeat(Instant.now(), cpuUsed, memoryUsed, runningTasks, boundPorts));
        }
        return welcomed;
    }

    private synchronized void report(LongFunction<AgentMessage.Report> build) {
        AgentMessage.Report report = build.apply(nextReportSeq++);
        unacknowledged.put(report.seq(), report);
        if (welcomed) {
            send(report);
        }
    }

    private synchronized void connect() {
        if (stopped) {
            return;
        }
        String token;
        try {
            token = tokens.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "no host token, retrying: " + e.getMessage());
            reconnectLater();
            return;
        }
        http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new Listener())
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        LOG.log(Level.FINE, "connect to " + uri + " failed: " + failure.getMessage());
                        reconnectLater();
                    } else {
                        opened(ws);
                    }
                });
    }

    private synchronized void opened(WebSocket ws) {
        if (stopped) {
            ws.abort();
            return;
        }
        socket = ws;
        sending = CompletableFuture.completedFuture(null);
        send(host.hello(lastCommandSeq));
    }

    private synchronized void reconnectLater() {
        welcomed = false;
        socket = null;
        if (stopped) {
            return;
        }
        long jitter = ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2 + 1);
        timer.schedule(this::connect, backoff.toMillis() / 2 + jitter, TimeUnit.MILLISECONDS);
        backoff = backoff.isZero() ? MIN_BACKOFF
                : backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }

    /** The JDK's WebSocket takes one send at a time: each waits for the one before. */
    private synchronized void send(AgentMessage message) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        String frame = AgentMessages.write(message);
        sending = sending.handle((ok, failure) -> null).thenCompose(ignored -> ws.sendText(frame, true));
    }

    private void received(AgentMessage message) {
        // if/else rather than a pattern switch: the agent runs on Java 17
        if (message instanceof AgentMessage.Welcome welcome) {
            welcomed(welcome);
        } else if (message instanceof AgentMessage.Command command) {
            command(command);
        } else if (message instanceof AgentMessage.ReportAck ack) {
            synchronized (this) {
                unacknowledged.remove(ack.seq());
            }
        } else if (message instanceof AgentMessage.Refused refused) {
            synchronized (this) {
                stopped = true;
            }
            host.onRefused(refused);
        } else {
            LOG.warning("unexpected " + message.getClass().getSimpleName() + " from the scheduler");
        }
    }

    private void welcomed(AgentMessage.Welcome welcome) {
        List<AgentMessage.Report> resend;
        synchronized (this) {
            welcomed = true;
            connects++;
            backoff = MIN_BACKOFF;
            resend = new ArrayList<>(unacknowledged.values());
        }
        host.onWelcome(welcome);
        synchronized (this) {
            resend.forEach(this::send);
        }
    }

    private void command(AgentMessage.Command command) {
        synchronized (this) {
            if (command.seq() <= lastCommandSeq) {
                send(new AgentMessage.CommandAck(lastCommandSeq)); // a resend of one already recorded
                return;
            }
        }
        host.onCommand(command);
        synchronized (this) {
            lastCommandSeq = Math.max(lastCommandSeq, command.seq());
            send(new AgentMessage.CommandAck(lastCommandSeq));
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                try {
                    received(AgentMessages.read(frame));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not handle a frame from the scheduler: " + e.getMessage(), e);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (statusCode == TOKEN_EXPIRED) {
                synchronized (AgentSession.this) {
                    backoff = Duration.ZERO; // at once, with a fresh token
                }
            }
            closed(webSocket);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed(webSocket);
        }

        private void closed(WebSocket webSocket) {
            lost(webSocket);
        }
    }

    /** Reports the scheduler has not acknowledged, oldest first (for tests and shutdown). */
    public synchronized Map<Long, AgentMessage.Report> pendingReports() {
        return Map.copyOf(unacknowledged);
    }
}
