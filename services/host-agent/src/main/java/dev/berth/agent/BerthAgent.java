package dev.berth.agent;

import dev.berth.agent.protocol.AgentMessage;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth-agent}: registers this host with a cluster (once), then runs the tasks the
 * scheduler places on it until stopped. Every option can also come from a properties file
 * ({@code --config}, keys are the option names without dashes) or the environment.
 */
@Command(name = "berth-agent", mixinStandardHelpOptions = true, version = "berth-agent " + Agent.VERSION,
        description = "Runs Berth tasks on this host as containers (Docker Engine API: Docker or Podman).")
public final class BerthAgent implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(BerthAgent.class.getName());

    @Option(names = "--config", description = "Properties file with option values (e.g. gateway=http://...).")
    Path config;

    @Option(names = "--gateway", defaultValue = "${env:BERTH_GATEWAY_URL:-http://127.0.0.1:8080}",
            description = "Berth's gateway (default: ${DEFAULT-VALUE}).")
    URI gateway;

    @Option(names = "--cluster", defaultValue = "${env:BERTH_CLUSTER}",
            description = "The cluster to join; checked against the registration token's.")
    String cluster;

    @Option(names = "--registration-token", defaultValue = "${env:BERTH_REGISTRATION_TOKEN}",
            description = "One-time token from a tenant admin; needed only until the host is registered.")
    String registrationToken;

    @Option(names = "--state-dir", defaultValue = "${env:BERTH_AGENT_STATE_DIR:-/var/lib/berth-agent}",
            description = "Where the host's credentials (0600) and running tasks are kept (default: ${DEFAULT-VALUE}).")
    Path stateDirectory;

    @Option(names = "--docker-host", defaultValue = "${env:DOCKER_HOST:-unix:///var/run/docker.sock}",
            description = "The container engine's API (default: ${DEFAULT-VALUE}).")
    String dockerHost;

    @Option(names = "--hostname", description = "Reported host name (default: this machine's).")
    String hostname;

    @Option(names = "--cpu", description = "Cpu units offered (default: 1024 per core).")
    Integer cpu;

    @Option(names = "--memory", description = "Memory offered in MiB (default: total less --reserved-memory).")
    Integer memory;

    @Option(names = "--reserved-memory", defaultValue = "256", description = "MiB kept for the system (default: ${DEFAULT-VALUE}).")
    int reservedMemory;

    @Option(names = "--reserved-port", split = ",", description = "Host ports no task may take, besides 22, 2375, 2376, 51678, 51679.")
    List<Integer> reservedPorts = List.of();

    @Option(names = "--dynamic-ports", defaultValue = "${env:BERTH_DYNAMIC_PORTS:-49153-65535}",
            description = "Host ports given to containers with hostPort 0, FIRST-LAST (default: ${DEFAULT-VALUE}, ECS's). "
                    + "Agents that share a machine need disjoint ranges.")
    String dynamicPorts;

    @Option(names = {"--az", "--availability-zone"}, defaultValue = "${env:BERTH_AVAILABILITY_ZONE:-local-a}",
            description = "Attribute berth.availability-zone (default: ${DEFAULT-VALUE}).")
    String availabilityZone;

    @Option(names = "--instance-type", description = "Attribute berth.instance-type (default: local.<cores>cpu).")
    String instanceType;

    @Option(names = "--attribute", description = "A custom attribute, name=value (repeatable).")
    Map<String, String> attributes = new LinkedHashMap<>();

    @Option(names = "--credentials-address", defaultValue = "",
            description = "Address of the task credentials endpoint (default: the container network's gateway, "
                    + "where the host's containers reach it; never every interface).")
    String credentialsAddress;

    @Option(names = "--credentials-port", defaultValue = "0",
            description = "Port of the task credentials endpoint (default: any free one).")
    int credentialsPort;

    @Option(names = "--cleanup-containers-after", defaultValue = "PT1H",
            description = "Remove stopped task containers after this long (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration containerCleanupAge;

    @Option(names = "--cleanup-every", defaultValue = "PT5M",
            description = "How often to look for what to clean up (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration cleanupEvery;

    @Option(names = "--cleanup-images-after", defaultValue = "PT1H",
            description = "Remove unused images older than this (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration imageCleanupAge;

    @Option(names = "--cleanup-images-above-mib", defaultValue = "10240",
            description = "Remove unused images, oldest first, while they take more MiB than this (default: ${DEFAULT-VALUE}).")
    long imageCleanupMiB;

    @Override
    public Integer call() throws Exception {
        AgentSettings settings = new AgentSettings(gateway, blankToNull(cluster), blankToNull(registrationToken),
                stateDirectory, dockerHost, hostname != null ? hostname : InetAddress.getLocalHost().getHostName(),
                cpu, memory, reservedMemory, reservedPorts, availabilityZone, instanceType, attributes,
                credentialsAddress, credentialsPort, cleanupEvery, containerCleanupAge, imageCleanupAge,
                imageCleanupMiB * 1024 * 1024, dynamicPorts());
        Agent agent;
        try {
            agent = new Agent(settings);
        } catch (RuntimeException e) {
            System.err.println("berth-agent: " + e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "agent-shutdown"));
        agent.start();
        LOG.info("berth-agent " + Agent.VERSION + " running for host " + agent.hostId());
        String refusal = agent.awaitEnd();
        if (refusal != null) {
            System.err.println("berth-agent: the scheduler refused this host: " + refusal);
            return 3;
        }
        return 0;
    }

    private AgentMessage.PortRange dynamicPorts() {
        try {
            return AgentMessage.PortRange.parse(dynamicPorts);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--dynamic-ports: " + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public static void main(String[] args) throws IOException {
        CommandLine command = new CommandLine(new BerthAgent());
        Path config = configFile(args);
        if (config != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(config)) {
                properties.load(reader);
            }
            command.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(properties));
        }
        System.exit(command.execute(args));
    }

    /** The --config value, read before the rest so its values become the defaults. */
    private static Path configFile(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        return null;
    }
}
