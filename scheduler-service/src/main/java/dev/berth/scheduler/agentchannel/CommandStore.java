package dev.berth.scheduler.agentchannel;

import dev.berth.agent.protocol.AgentMessage;
import dev.berth.agent.protocol.AgentMessages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
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
    public Future<AgentMessage.Command> enqueue(SqlClient client, String tenant, String hostId,
                                                LongFunction<AgentMessage.Command> build) {
        return client.preparedQuery("UPDATE host SET last_command_seq = last_command_seq + 1 WHERE tenant = $1 AND id = $2 "
                        + "RETURNING last_command_seq")
                .execute(Tuple.of(tenant, hostId))
                .compose(rows -> {
                    AgentMessage.Command command = build.apply(rows.iterator().next().getLong(0));
                    return client.preparedQuery("INSERT INTO host_command (tenant, host_id, seq, body) VALUES ($1, $2, $3, $4)")
                            .execute(Tuple.of(tenant, hostId, command.seq(), new JsonObject(AgentMessages.write(command))))
                            .compose(inserted -> client.preparedQuery("SELECT pg_notify($1, $2)")
                                    .execute(Tuple.of(CHANNEL, tenant + "/" + hostId)))
                            .map(command);
                });
    }

    /** Commands after {@code afterSeq}, in order. */
    public Future<List<AgentMessage.Command>> after(String tenant, String hostId, long afterSeq) {
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
    public Future<Void> acknowledged(SqlClient client, String tenant, String hostId, long seq) {
        return client.preparedQuery("DELETE FROM host_command WHERE tenant = $1 AND host_id = $2 AND seq <= $3")
                .execute(Tuple.of(tenant, hostId, seq)).mapEmpty();
    }
}
