package dev.berth.agent.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every frame of the agent channel (docs/agent-protocol.md) is one JSON text message whose
 * {@code type} names one of these records. Commands (scheduler to agent) and reports (agent to
 * scheduler) are numbered by their sender and acknowledged by the receiver, so a reconnect
 * resends what was not acknowledged; heartbeats are not numbered.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AgentMessage.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = AgentMessage.Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = AgentMessage.Command.class, name = "command"),
        @JsonSubTypes.Type(value = AgentMessage.CommandAck.class, name = "command-ack"),
        @JsonSubTypes.Type(value = AgentMessage.TaskStateReport.class, name = "task-state"),
        @JsonSubTypes.Type(value = AgentMessage.LogBatch.class, name = "logs"),
        @JsonSubTypes.Type(value = AgentMessage.MetricBatch.class, name = "metrics"),
        @JsonSubTypes.Type(value = AgentMessage.ReportAck.class, name = "report-ack"),
        @JsonSubTypes.Type(value = AgentMessage.Heartbeat.class, name = "heartbeat"),
        @JsonSubTypes.Type(value = AgentMessage.Refused.class, name = "refused"),
})
public sealed interface AgentMessage {

    /** Agent to scheduler, sent before anything else (a reliable report is numbered). */
    sealed interface Report extends AgentMessage {
        long seq();
    }

    /**
     * The agent's first frame after connecting.
     *
     * @param lastCommandSeq the highest command sequence number the agent has recorded; the
     *                       scheduler sends every command after it again
     * @param tasks          the tasks the agent knows and their state, for the scheduler to reconcile
     * @param boundPorts     ports something else on the machine listens on now (absent from older agents)
     */
    record Hello(String agentVersion, String hostname, Capacity capacity, Map<String, String> attributes,
                 long lastCommandSeq, List<KnownTask> tasks, BoundPorts boundPorts) implements AgentMessage {
        public Hello {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }

        public Hello(String agentVersion, String hostname, Capacity capacity, Map<String, String> attributes,
                     long lastCommandSeq, List<KnownTask> tasks) {
            this(agentVersion, hostname, capacity, attributes, lastCommandSeq, tasks, null);
        }
    }

    /**
     * What a host offers: cpu units (1024 per core), memory in MiB, host ports it keeps for itself,
     * and the range dynamic host ports are picked from (absent: ECS's 49153-65535). Agents that
     * share a machine get disjoint ranges.
     */
    record Capacity(int cpu, int memory, List<Integer> reservedTcpPorts, List<Integer> reservedUdpPorts,
                    PortRange dynamicPorts) {
        public Capacity {
            reservedTcpPorts = reservedTcpPorts == null ? List.of() : List.copyOf(reservedTcpPorts);
            reservedUdpPorts = reservedUdpPorts == null ? List.of() : List.copyOf(reservedUdpPorts);
        }

        public Capacity(int cpu, int memory, List<Integer> reservedTcpPorts, List<Integer> reservedUdpPorts) {
            this(cpu, memory, reservedTcpPorts, reservedUdpPorts, null);
        }
    }

    /** Host ports {@code first} to {@code last}, both included. */
    record PortRange(int first, int last) {
        /** ECS's dynamic host port range on Linux. */
        public static final PortRange ECS_DYNAMIC = new PortRange(49153, 65535);

        public PortRange {
            if (first < 1 || last > 65535 || first > last) {
                throw new IllegalArgumentException("a port range is FIRST-LAST within 1-65535, not " + first + "-" + last);
            }
        }

        /** "FIRST-LAST". */
        public static PortRange parse(String text) {
            String[] parts = text.trim().split("-", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("a port range is FIRST-LAST, e.g. 49153-65535, not " + text);
            }
            try {
                return new PortRange(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a port range is FIRST-LAST, e.g. 49153-65535, not " + text);
            }
        }

        @Override
        public String toString() {
            return first + "-" + last;
        }
    }

    /**
     * Ports that processes on the host's machine listen on (TCP) or are bound to (UDP) besides the
     * agent's own tasks: other agents' tasks on the same machine, services of the machine. At most
     * {@link #LIMIT} of each.
     */
    record BoundPorts(List<Integer> tcp, List<Integer> udp) {
        public static final int LIMIT = 4096;

        public BoundPorts {
            tcp = tcp == null ? List.of() : List.copyOf(tcp);
            udp = udp == null ? List.of() : List.copyOf(udp);
        }
    }

    record KnownTask(String taskArn, String lastStatus) {
    }

    /** The scheduler's answer to {@link Hello}: the host is registered and may report. */
    record Welcome(String hostId, String containerInstanceArn, String cluster, int heartbeatSeconds)
            implements AgentMessage {
    }

    /**
     * Scheduler to agent: carry out {@code task}; {@code seq} grows by one per host. On the wire the
     * task travels as {@code "action"} ({@code start-task} or {@code stop-task}) and the matching
     * {@code "startTask"} or {@code "stopTask"} object:
     * <pre>{"type":"command","seq":7,"action":"stop-task","stopTask":{"taskArn":"...","reason":"..."}}</pre>
     */
    record Command(long seq, @JsonIgnore TaskCommand task) implements AgentMessage {
        public static final String START_TASK = "start-task";
        public static final String STOP_TASK = "stop-task";

        public static Command start(long seq, StartTask task) {
            return new Command(seq, task);
        }

        public static Command stop(long seq, StopTask task) {
            return new Command(seq, task);
        }

        @JsonCreator
        static Command read(@JsonProperty("seq") long seq, @JsonProperty("action") String action,
                            @JsonProperty("startTask") StartTask startTask, @JsonProperty("stopTask") StopTask stopTask) {
            TaskCommand task;
            if (START_TASK.equals(action) && startTask != null) {
                task = startTask;
            } else if (STOP_TASK.equals(action) && stopTask != null) {
                task = stopTask;
            } else {
                task = new UnknownTaskCommand(String.valueOf(action));
            }
            return new Command(seq, task);
        }

        @JsonGetter("action")
        public String action() {
            return task.action();
        }

        @JsonGetter("startTask")
        public StartTask startTask() {
            return task instanceof StartTask start ? start : null;
        }

        @JsonGetter("stopTask")
        public StopTask stopTask() {
            return task instanceof StopTask stop ? stop : null;
        }
    }

    /** What a {@link Command} asks of the agent: start a task or stop one. */
    sealed interface TaskCommand permits StartTask, StopTask, UnknownTaskCommand {
        /** The command's name on the wire. */
        String action();
    }

    /**
     * A command of a newer scheduler this side does not know: acknowledged and ignored, so that
     * either side can grow first. Never sent.
     */
    record UnknownTaskCommand(String action) implements TaskCommand {
    }

    /**
     * Start a task: its registered task definition document (ECS JSON), the overrides of run-task,
     * and the host port each container port was given.
     *
     * @param allowed what the task's cluster lets its containers do beyond the default; the agent
     *                refuses a task asking more (absent in commands of older schedulers: nothing)
     */
    record StartTask(String taskArn, String taskDefinitionArn, JsonNode taskDefinition, JsonNode overrides,
                     List<NetworkBinding> networkBindings, String group, String startedBy, ElevatedAccess allowed)
            implements TaskCommand {
        public StartTask {
            networkBindings = networkBindings == null ? List.of() : List.copyOf(networkBindings);
            allowed = allowed == null ? ElevatedAccess.NONE : allowed;
        }

        public StartTask(String taskArn, String taskDefinitionArn, JsonNode taskDefinition, JsonNode overrides,
                         List<NetworkBinding> networkBindings, String group, String startedBy) {
            this(taskArn, taskDefinitionArn, taskDefinition, overrides, networkBindings, group, startedBy, null);
        }

        @Override
        @JsonIgnore
        public String action() {
            return Command.START_TASK;
        }
    }

    /**
     * What a platform operator allowed a cluster's tasks: privileged containers (also added Linux
     * capabilities) and the host's network namespace.
     */
    record ElevatedAccess(boolean privilegedContainers, boolean hostNetwork) {
        public static final ElevatedAccess NONE = new ElevatedAccess(false, false);
    }

    record NetworkBinding(String containerName, int containerPort, int hostPort, String protocol) {
    }

    record StopTask(String taskArn, String reason) implements TaskCommand {
        @Override
        @JsonIgnore
        public String action() {
            return Command.STOP_TASK;
        }
    }

    /** Agent to scheduler: every command up to and including {@code seq} is recorded and will be carried out. */
    record CommandAck(long seq) implements AgentMessage {
    }

    /** A task moved on: {@code lastStatus} is ECS's task lifecycle status. */
    record TaskStateReport(long seq, String taskArn, String lastStatus, List<ContainerState> containers,
                           String stopCode, String stoppedReason, Instant at) implements Report {
        public TaskStateReport {
            containers = containers == null ? List.of() : List.copyOf(containers);
        }
    }

    record ContainerState(String name, String lastStatus, Integer exitCode, String reason, String healthStatus,
                          List<NetworkBinding> networkBindings) {
    }

    /** Container output for an awslogs-style log configuration, forwarded to berth.logs. */
    record LogBatch(long seq, String logGroup, String logStream, List<LogEvent> events) implements Report {
        public LogBatch {
            events = events == null ? List.of() : List.copyOf(events);
        }
    }

    record LogEvent(long timestamp, String message) {
    }

    /** Resource use and other measurements, forwarded to berth.metrics. */
    record MetricBatch(long seq, List<Datapoint> datapoints) implements Report {
        public MetricBatch {
            datapoints = datapoints == null ? List.of() : List.copyOf(datapoints);
        }
    }

    record Datapoint(String namespace, String name, Map<String, String> dimensions, double value, String unit,
                     Instant timestamp) {
    }

    /** Scheduler to agent: the report {@code seq} is handled; the agent forgets it. */
    record ReportAck(long seq) implements AgentMessage {
    }

    /**
     * Agent to scheduler every few seconds: alive, and what it uses.
     *
     * @param boundPorts the machine's bound ports when they changed since the last hello or heartbeat, else absent
     */
    record Heartbeat(Instant at, int cpuUsed, int memoryUsed, int runningTasks, BoundPorts boundPorts)
            implements AgentMessage {
        public Heartbeat(Instant at, int cpuUsed, int memoryUsed, int runningTasks) {
            this(at, cpuUsed, memoryUsed, runningTasks, null);
        }
    }

    /** The scheduler will not talk to this agent (unknown cluster, deregistered host, bad frame); it then closes. */
    record Refused(String code, String message) implements AgentMessage {
    }
}
