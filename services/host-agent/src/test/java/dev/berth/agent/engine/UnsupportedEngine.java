package dev.berth.agent.engine;

import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** An engine for unit tests: each test engine overrides the calls it plays a part in; the rest fail. */
public abstract class UnsupportedEngine implements ContainerEngine {

    @Override public boolean imagePresent(String reference) { throw new UnsupportedOperationException(); }
    @Override public void pull(String reference, RegistryAuth auth) { throw new UnsupportedOperationException(); }
    @Override public String create(ContainerSpec spec) { throw new UnsupportedOperationException(); }
    @Override public void start(String id) { throw new UnsupportedOperationException(); }
    @Override public void stop(String id, Duration timeout) { throw new UnsupportedOperationException(); }
    @Override public Closeable followDeaths(String label, String value, Instant since, DeathListener listener) { throw new UnsupportedOperationException(); }
    @Override public Optional<ContainerInfo> inspect(String id) { throw new UnsupportedOperationException(); }
    @Override public List<ContainerInfo> containersLabelled(String label, String value) { throw new UnsupportedOperationException(); }
    @Override public void remove(String id) { throw new UnsupportedOperationException(); }
    @Override public Set<String> imagesInUse() { throw new UnsupportedOperationException(); }
    @Override public List<ImageInfo> images() { throw new UnsupportedOperationException(); }
    @Override public void removeImage(String id) { throw new UnsupportedOperationException(); }
    @Override public ExecResult exec(String id, List<String> command, Duration timeout) { throw new UnsupportedOperationException(); }
    @Override public Optional<Usage> usage(String id) { throw new UnsupportedOperationException(); }
    @Override public Closeable followLogs(String id, Instant since, BiConsumer<String, String> lines) { throw new UnsupportedOperationException(); }
    @Override public Optional<String> bridgeGateway() { throw new UnsupportedOperationException(); }
    @Override public void close() { }
}
