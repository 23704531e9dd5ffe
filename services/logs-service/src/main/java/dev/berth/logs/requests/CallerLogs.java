package dev.berth.logs.requests;

import dev.berth.logs.groups.LogAccess;
import dev.berth.logs.groups.LogGroup;
import dev.berth.logs.groups.LogGroupStore;
import dev.berth.logs.streams.LogStream;
import dev.berth.logs.streams.LogStreamStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The log groups and streams of the caller's tenant, by the names a request gives. */
@ApplicationScoped
public class CallerLogs {

    public record GroupStream(LogGroup group, LogStream stream) {
    }

    @Inject
    LogAccess access;

    @Inject
    LogGroupStore groups;

    @Inject
    LogStreamStore streams;

    public String tenant() {
        return access.tenant();
    }

    /** The group, or ResourceNotFoundException. */
    public Uni<LogGroup> group(String group) {
        return groups.require(access.tenant(), group);
    }

    /** The group and its stream, or ResourceNotFoundException for whichever is missing. */
    public Uni<GroupStream> stream(String group, String stream) {
        return group(group).chain(g -> streams.require(g.id(), stream).map(s -> new GroupStream(g, s)));
    }
}
