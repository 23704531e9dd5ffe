package dev.berth.agent.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The Docker Engine API through docker-java, against Docker or Podman's API service. The API
 * version is pinned to 1.41, which both speak (Podman 4 answers older clients' version probes
 * badly).
 */
public final class DockerEngine implements ContainerEngine {

    static final String API_VERSION = "1.41";
    private static final ObjectMapper STATS_JSON = new ObjectMapper();

    private final DockerClient docker;
    private final DockerHttpClient http;
    /** Whether the engine answers Podman's own API, which gives every container's usage in one call. */
    private volatile boolean libpodStats = true;

    public DockerEngine(String dockerHost) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost).withApiVersion(API_VERSION).build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .maxConnections(200).connectionTimeout(Duration.ofSeconds(10)).build();
        this.http = http;
        this.docker = DockerClientImpl.getInstance(config, http);
    }

    /** Fails fast when no engine answers at the address. */
    public String version() {
        return docker.versionCmd().exec().getVersion();
    }

    @Override
    public boolean imagePresent(String reference) {
        try {
            docker.inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Pulls with a callback of our own: docker-java's expects a {@code status} in the first item and
     * fails with a NullPointerException on Podman's error item, which carries only {@code error}.
     */
    @Override
    public void pull(String reference, RegistryAuth auth) {
        var pull = docker.pullImageCmd(reference);
        if (auth != null) {
            pull.withAuthConfig(new AuthConfig().withRegistryAddress(auth.registry()).withUsername(auth.username())
                    .withPassword(auth.password()));
        }
        PullErrors errors = new PullErrors();
        try {
            pull.exec(errors).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while pulling " + reference);
        } catch (DockerException e) {
            throw new EngineException(EngineException.reason(e));
        } catch (RuntimeException e) {
            throw new EngineException(String.valueOf(e.getMessage()));
        }
        if (errors.first != null) {
            throw new EngineException(errors.first);
        }
    }

    /** The first error the engine reported in the pull's progress stream. */
    private static final class PullErrors extends ResultCallback.Adapter<PullResponseItem> {
        private volatile String first;

        @Override
        public void onNext(PullResponseItem item) {
            if (first != null) {
                return;
            }
            if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
                first = item.getErrorDetail().getMessage();
            } else if (item.getError() != null) {
                first = item.getError();
            }
        }
    }

    @Override
    public String create(ContainerSpec spec) {
        HostConfig host = HostConfig.newHostConfig()
                .withCpuShares(spec.cpuShares())
                .withNetworkMode(spec.networkMode());
        if (spec.privileged()) {
            host.withPrivileged(true);
        }
        if (!spec.addedCapabilities().isEmpty()) {
            host.withCapAdd(spec.addedCapabilities().stream().map(Capability::valueOf).toArray(Capability[]::new));
        }
        if (spec.nanoCpus() > 0) {
            host.withNanoCPUs(spec.nanoCpus());
        }
        if (spec.memoryBytes() > 0) {
            host.withMemory(spec.memoryBytes()).withMemorySwap(spec.memoryBytes()); // ECS: no swap unless asked
        }
        if (spec.memoryReservationBytes() > 0) {
            host.withMemoryReservation(spec.memoryReservationBytes());
        }
        List<ExposedPort> exposed = new ArrayList<>();
        Ports bindings = new Ports();
        for (ContainerSpec.PortBinding port : spec.portBindings()) {
            ExposedPort e = new ExposedPort(port.containerPort(), InternetProtocol.parse(port.protocol()));
            exposed.add(e);
            if (!spec.networkMode().equals("host")) {
                bindings.bind(e, Ports.Binding.bindPort(port.hostPort()));
            }
        }
        host.withPortBindings(bindings);
        CreateContainerCmd create = docker.createContainerCmd(spec.image())
                .withName(spec.containerName())
                .withLabels(spec.labels())
                .withEnv(spec.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withExposedPorts(exposed)
                .withHostConfig(host);
        if (spec.entryPoint() != null) {
            create.withEntrypoint(spec.entryPoint());
        }
        if (spec.command() != null) {
            create.withCmd(spec.command());
        }
        if (spec.workingDirectory() != null) {
            create.withWorkingDir(spec.workingDirectory());
        }
        if (spec.user() != null) {
            create.withUser(spec.user());
        }
        try {
            return create.exec().getId();
        } catch (DockerException e) {
            throw new EngineException(EngineException.reason(e));
        }
    }

    @Override
    public void start(String containerId) {
        try {
            docker.startContainerCmd(containerId).exec();
        } catch (NotModifiedException e) {
            // already running
        } catch (DockerException e) {
            throw new EngineException(EngineException.reason(e));
        }
    }

    @Override
    public void stop(String containerId, Duration timeout) {
        try {
            docker.stopContainerCmd(containerId).withTimeout((int) Math.max(0, timeout.toSeconds())).exec();
        } catch (NotModifiedException | NotFoundException e) {
            // already stopped or gone
        }
    }

    @Override
    public Closeable followDeaths(String label, String value, Instant since, DeathListener listener) {
        // Docker calls the event "die", Podman's filter knows only its own name "died" (and
        // reports it as "die"); each ignores the other's name
        var events = docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER).withEventFilter("die", "died")
                .withLabelFilter(Map.of(label, value));
        if (since != null) {
            events.withSince(Long.toString(since.getEpochSecond()));
        }
        return events.exec(new ResultCallback.Adapter<Event>() {
            @Override
            public void onStart(Closeable stream) {
                super.onStart(stream);
                listener.connected();
            }

            @Override
            public void onNext(Event event) {
                String id = event.getId() != null ? event.getId()
                        : event.getActor() != null ? event.getActor().getId() : null;
                if (id != null) {
                    listener.died(id);
                }
            }

            @Override
            public void onError(Throwable error) {
                // not the template's: it logs every lost connection as SEVERE with a stack trace
                try {
                    close();
                } catch (IOException | RuntimeException e) {
                    // ended anyway
                }
                listener.ended(String.valueOf(error.getMessage()));
            }

            @Override
            public void onComplete() {
                super.onComplete();
                listener.ended("the engine closed the event stream");
            }
        });
    }

    @Override
    public Optional<ContainerInfo> inspect(String containerId) {
        try {
            InspectContainerResponse c = docker.inspectContainerCmd(containerId).exec();
            var state = c.getState();
            boolean running = Boolean.TRUE.equals(state.getRunning());
            Long exit = state.getExitCodeLong();
            Instant finished = parseTime(state.getFinishedAt());
            return Optional.of(new ContainerInfo(c.getId(), trimName(c.getName()),
                    c.getConfig().getLabels() == null ? Map.of() : c.getConfig().getLabels(), running,
                    running || exit == null ? null : exit.intValue(), Boolean.TRUE.equals(state.getOOMKilled()),
                    state.getError(), parseTime(c.getCreated()), finished));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<ContainerInfo> containersLabelled(String label, String value) {
        List<ContainerInfo> found = new ArrayList<>();
        for (var c : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(label, value)).exec()) {
            inspect(c.getId()).ifPresent(found::add);
        }
        return found;
    }

    @Override
    public void remove(String containerId) {
        try {
            docker.removeContainerCmd(containerId).withForce(true).exec();
        } catch (NotFoundException e) {
            // gone already
        }
    }

    @Override
    public Set<String> imagesInUse() {
        Set<String> ids = new HashSet<>();
        docker.listContainersCmd().withShowAll(true).exec().forEach(c -> ids.add(c.getImageId()));
        return ids;
    }

    @Override
    public List<ImageInfo> images() {
        List<ImageInfo> images = new ArrayList<>();
        for (var image : docker.listImagesCmd().exec()) {
            List<String> refs = new ArrayList<>();
            if (image.getRepoTags() != null) {
                refs.addAll(List.of(image.getRepoTags()));
            }
            if (image.getRepoDigests() != null) {
                refs.addAll(List.of(image.getRepoDigests()));
            }
            long size = image.getSize() == null ? 0 : image.getSize();
            long created = image.getCreated() == null ? 0 : image.getCreated();
            images.add(new ImageInfo(image.getId(), refs, size, Instant.ofEpochSecond(created)));
        }
        return images;
    }

    @Override
    public void removeImage(String imageId) {
        try {
            docker.removeImageCmd(imageId).exec();
        } catch (NotFoundException e) {
            // gone already
        }
    }

    @Override
    public ExecResult exec(String containerId, List<String> command, Duration timeout) {
        String execId = docker.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (var callback = docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                if (output.size() < 4096) {
                    output.writeBytes(frame.getPayload());
                }
            }
        })) {
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new ExecResult(-1, "health check timed out after " + timeout.toSeconds() + "s");
            }
        } catch (IOException e) {
            return new ExecResult(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExecResult(-1, "interrupted");
        }
        Long exit = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        return new ExecResult(exit == null ? -1 : exit.intValue(), output.toString(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<Usage> usage(String containerId) {
        try (var callback = docker.statsCmd(containerId).withNoStream(true).exec(new ResultCallback.Adapter<Statistics>() {
            private volatile Statistics first;

            @Override
            public void onNext(Statistics statistics) {
                if (first == null) {
                    first = statistics;
                }
            }

            Statistics first() {
                return first;
            }
        })) {
            callback.awaitCompletion(5, TimeUnit.SECONDS);
            Statistics stats = callback.first();
            if (stats == null || stats.getCpuStats() == null || stats.getCpuStats().getCpuUsage() == null) {
                return Optional.empty();
            }
            Long cpu = stats.getCpuStats().getCpuUsage().getTotalUsage();
            Long memory = stats.getMemoryStats() == null ? null : stats.getMemoryStats().getUsage();
            return Optional.of(new Usage(cpu == null ? 0 : cpu, memory == null ? 0 : memory));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * On Podman one {@code GET /libpod/containers/stats} for all containers, which costs the engine
     * a quarter of one Docker-API stats call per container; elsewhere (Docker) one call each.
     */
    @Override
    public Map<String, Usage> usage(Collection<String> containerIds) {
        if (containerIds.isEmpty()) {
            return Map.of();
        }
        if (libpodStats) {
            Optional<Map<String, Usage>> all = libpodUsage(containerIds);
            if (all.isPresent()) {
                return all.get();
            }
        }
        return ContainerEngine.super.usage(containerIds);
    }

    private Optional<Map<String, Usage>> libpodUsage(Collection<String> containerIds) {
        StringBuilder path = new StringBuilder("/v4.0.0/libpod/containers/stats?stream=false");
        containerIds.forEach(id -> path.append("&containers=").append(URLEncoder.encode(id, StandardCharsets.UTF_8)));
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path(path.toString()).build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            if (response.getStatusCode() == 404 && notPodman(response)) {
                libpodStats = false; // Docker: no such API
                return Optional.empty();
            }
            if (response.getStatusCode() != 200) {
                return Optional.empty(); // e.g. a container gone meanwhile: one call each this time
            }
            JsonNode answer = STATS_JSON.readTree(response.getBody());
            if (!answer.path("Error").isNull() && !answer.path("Error").isMissingNode()) {
                return Optional.empty(); // e.g. a container gone meanwhile: one call each this time
            }
            Map<String, Usage> usage = new HashMap<>();
            for (JsonNode stats : answer.path("Stats")) {
                usage.put(stats.path("ContainerID").asText(), new Usage(stats.path("CPUNano").asLong(),
                        stats.path("MemUsage").asLong()));
            }
            return Optional.of(usage);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Podman answers a missing container with its JSON error naming the cause; Docker has no such route at all. */
    private static boolean notPodman(DockerHttpClient.Response response) {
        return response.getHeaders().keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Libpod-Api-Version"));
    }

    @Override
    public Closeable followLogs(String containerId, Instant since, BiConsumer<String, String> lines) {
        var command = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(true);
        if (since != null) {
            command.withSince((int) since.getEpochSecond());
        }
        return command.exec(new LineSplitter(lines));
    }

    @Override
    public Optional<String> bridgeGateway() {
        for (String name : List.of("bridge", "podman")) {
            try {
                Network network = docker.inspectNetworkCmd().withNetworkId(name).exec();
                if (network.getIpam() != null && network.getIpam().getConfig() != null) {
                    for (Network.Ipam.Config config : network.getIpam().getConfig()) {
                        if (config.getGateway() != null && !config.getGateway().isBlank()) {
                            return Optional.of(config.getGateway());
                        }
                    }
                }
            } catch (NotFoundException e) {
                // try the other name
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static String trimName(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    private static Instant parseTime(String time) {
        if (time == null || time.isBlank() || time.startsWith("0001-")) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Frames carry arbitrary chunks of output; lines are cut at newlines, per stream. */
    private static final class LineSplitter extends ResultCallback.Adapter<Frame> {
        private final BiConsumer<String, String> lines;
        private final StringBuilder stdout = new StringBuilder();
        private final StringBuilder stderr = new StringBuilder();

        LineSplitter(BiConsumer<String, String> lines) {
            this.lines = lines;
        }

        @Override
        public void onNext(Frame frame) {
            boolean err = frame.getStreamType() == com.github.dockerjava.api.model.StreamType.STDERR;
            StringBuilder partial = err ? stderr : stdout;
            String stream = err ? "stderr" : "stdout";
            partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                lines.accept(stream, partial.substring(0, newline));
                partial.delete(0, newline + 1);
            }
        }

        @Override
        public void onComplete() {
            if (!stdout.isEmpty()) {
                lines.accept("stdout", stdout.toString());
            }
            if (!stderr.isEmpty()) {
                lines.accept("stderr", stderr.toString());
            }
            super.onComplete();
        }
    }
}
