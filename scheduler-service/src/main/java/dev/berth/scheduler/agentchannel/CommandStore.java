package dev.berth.scheduler.agentchannel;

import dev.berth.agent.protocol.AgentMessage;
import dev.berth.agent.protocol.AgentMessages;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

/**
 * Commands for hosts, kept in PostgreSQL until the host's agent acknowledges them. Queuing one
 * inside a transaction also notifies every scheduler replica when the transaction commits; the
 * replica holding the host's socket sends it ({@link CommandNotifications}).
 */
@ApplicationScoped
public class CommandStore {

    static final String CHANNEL = "berth_host_commands";

    @Inject
    Pool pool;

    /** Queues the host's next command; {@code build} gets its sequence number. */
    public Uni<AgentMessage.Command> enqueue(SqlClient client, String tenant, String hostId,
                                                LongFunction<AgentMessage.Command> build) {
        return enqueueAll(client, tenant, List.of(hostId), (i, seq) -> build.apply(seq)).map(queued -> queued.get(0));
    }

    /**
     * Queues one command for each entry of {@code hostIds} (a host may appear several times, its
     * commands numbered in list order) in four statements, whatever their number.
     */
    public Uni<List<AgentMessage.Command>> enqueueAll(SqlClient client, String tenant, List<String> hostIds,
                                                         BiFunction<Integer, Long, AgentMessage.Command> build) {
        Map<String, Integer> perHost = new LinkedHashMap<>();
        hostIds.forEach(id -> perHost.merge(id, 1, Integer::sum));
        return client.preparedQuery("UPDATE host SET last_command_seq = last_command_seq + c.n "
                        + "FROM unnest($2::text[], $3::int[]) AS c(id, n) WHERE host.tenant = $1 AND host.id = c.id "
                        + "RETURNING host.id, last_command_seq - c.n AS before")
                .execute(Tuple.of(tenant, perHost.keySet().toArray(String[]::new), perHost.values().toArray(Integer[]::new)))
                .chain(rows -> {
                    Map<String, Long> next = new HashMap<>();
                    rows.forEach(row -> next.put(row.getString("id"), row.getLong("before") + 1));
                    List<AgentMessage.Command> queued = new ArrayList<>(hostIds.size());
                    for (int i = 0; i < hostIds.size(); i++) {
                        queued.add(build.apply(i, next.merge(hostIds.get(i), 1L, Long::sum) - 1));
                    }
                    return client.preparedQuery("INSERT INTO host_command (tenant, host_id, seq, body) "
                                    + "SELECT $1, c.host_id, c.seq, c.body::jsonb FROM unnest($2::text[], $3::bigint[], $4::text[]) "
                                    + "AS c(host_id, seq, body)")
                            .execute(Tuple.of(tenant, hostIds.toArray(String[]::new),
                                    queued.stream().map(AgentMessage.Command::seq).toArray(Long[]::new),
                                    queued.stream().map(AgentMessages::write).toArray(String[]::new)))
                            .chain(inserted -> client.preparedQuery("SELECT pg_notify($1, $2 || '/' || h) FROM unnest($3::text[]) h")
                                    .execute(Tuple.of(CHANNEL, tenant, perHost.keySet().toArray(String[]::new))))
                            .replaceWith(queued);
                });
    }

    /** Commands after {@code afterSeq}, in order. */
    public Uni<List<AgentMessage.Command>> after(String tenant, String hostId, long afterSeq) {
        return pool.preparedQuery("SELECT body::text AS body FROM host_command WHERE tenant = $1 AND host_id = $2 "
                        + "AND seq > $3 ORDER BY seq")
                .execute(Tuple.of(tenant, hostId, afterSeq))
                .map(rows -> {
                    List<AgentMessage.Command> commands = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        commands.add((AgentMessage.Command) AgentMessages.read(row.getString("body")));
                    }
                    return commands;
                });
    }

    /** The agent recorded every command up to {@code seq}: they need not be kept. */
    public Uni<Void> acknowledged(SqlClient client, String tenant, String hostId, long seq) {
        return client.preparedQuery("DELETE FROM host_command WHERE tenant = $1 AND host_id = $2 AND seq <= $3")
                .execute(Tuple.of(tenant, hostId, seq)).replaceWithVoid();
    }
}
