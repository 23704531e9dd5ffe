package dev.berth.scheduler.hosts;

import dev.berth.agent.protocol.AgentMessage;
import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hosts in PostgreSQL, always within one tenant. */
@ApplicationScoped
public class HostStore {

    static final String COLUMNS = "h.tenant, h.id, h.cluster, h.hostname, h.status, h.agent_connected, h.agent_version, "
            + "h.registered_at, h.last_heartbeat_at, h.cpu, h.memory, h.used_cpu, h.used_memory, h.reserved_ports, "
            + "h.used_ports, h.attributes, h.bound_ports, h.dynamic_port_first, h.dynamic_port_last, "
            + "(SELECT count(*) FROM task t WHERE t.tenant = h.tenant AND t.host_id = h.id AND t.last_status = 'RUNNING') AS running, "
            + "(SELECT count(*) FROM task t WHERE t.tenant = h.tenant AND t.host_id = h.id "
            + "AND t.last_status IN ('PROVISIONING', 'PENDING', 'ACTIVATING')) AS pending";

    /** Why an agent's hello is turned away. */
    public enum Refusal { CLUSTER_NOT_FOUND, DEREGISTERED }

    public record Registration(Optional<Host> host, Optional<Refusal> refusal, boolean firstTime) {
    }

    @Inject
    Pool pool;

    /**
     * Records an agent's hello: a new host joins the cluster of its token; a known one comes back
     * connected with the capacity and attributes it reports now, under those an admin set with
     * PutAttributes (an admin's value wins). Ports in use by tasks stay taken.
     */
    public Uni<Registration> connect(String tenant, String cluster, String hostId, AgentMessage.Hello hello,
                                        String connectionId) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT 1 FROM cluster WHERE tenant = $1 AND name = $2 AND status = 'ACTIVE'")
                .execute(Tuple.of(tenant, cluster))
                .chain(clusterRows -> {
                    if (clusterRows.size() == 0) {
                        return Uni.createFrom().item(new Registration(Optional.empty(),
                                Optional.of(Refusal.CLUSTER_NOT_FOUND), false));
                    }
                    AgentMessage.Capacity capacity = hello.capacity();
                    String[] reserved = ports(capacity);
                    AgentMessage.PortRange dynamic = capacity.dynamicPorts() == null
                            ? AgentMessage.PortRange.ECS_DYNAMIC : capacity.dynamicPorts();
                    JsonObject attributes = new JsonObject(new HashMap<>(hello.attributes()));
                    return connection.preparedQuery("INSERT INTO host AS h (tenant, id, cluster, hostname, agent_connected, "
                                    + "agent_version, connection_id, last_heartbeat_at, cpu, memory, reserved_ports, used_ports, "
                                    + "attributes, bound_ports, dynamic_port_first, dynamic_port_last) "
                                    + "VALUES ($1, $2, $3, $4, true, $5, $6, now(), $7, $8, $9, $9, $10, $11, $12, $13) "
                                    + "ON CONFLICT (tenant, id) DO UPDATE SET agent_connected = true, hostname = EXCLUDED.hostname, "
                                    + "agent_version = EXCLUDED.agent_version, connection_id = EXCLUDED.connection_id, "
                                    + "last_heartbeat_at = now(), lost_at = NULL, cpu = EXCLUDED.cpu, memory = EXCLUDED.memory, "
                                    + "used_ports = ARRAY(SELECT unnest(h.used_ports) EXCEPT SELECT unnest(h.reserved_ports) "
                                    + "UNION SELECT unnest(EXCLUDED.reserved_ports)), reserved_ports = EXCLUDED.reserved_ports, "
                                    + "attributes = EXCLUDED.attributes || h.admin_attributes, "
                                    + "bound_ports = EXCLUDED.bound_ports, dynamic_port_first = EXCLUDED.dynamic_port_first, "
                                    + "dynamic_port_last = EXCLUDED.dynamic_port_last "
                                    + "WHERE h.status <> 'INACTIVE' AND h.cluster = EXCLUDED.cluster "
                                    + "RETURNING (xmax = 0) AS inserted")
                            .execute(Tuple.tuple().addString(tenant).addString(hostId).addString(cluster)
                                    .addString(hello.hostname()).addString(hello.agentVersion()).addString(connectionId)
                                    .addInteger(capacity.cpu()).addInteger(capacity.memory()).addArrayOfString(reserved)
                                    .addValue(attributes).addArrayOfString(ports(hello.boundPorts()))
                                    .addInteger(dynamic.first()).addInteger(dynamic.last()))
                            .chain(rows -> {
                                if (rows.size() == 0) {
                                    return Uni.createFrom().item(new Registration(Optional.empty(),
                                            Optional.of(Refusal.DEREGISTERED), false));
                                }
                                boolean inserted = rows.iterator().next().getBoolean("inserted");
                                return find(connection, tenant, hostId).map(host ->
                                        new Registration(host, Optional.empty(), inserted));
                            });
                }));
    }

    /** The agent's report of the ports bound on its machine (besides its own tasks'). */
    public Uni<Void> boundPorts(String tenant, String hostId, AgentMessage.BoundPorts bound) {
        return pool.preparedQuery("UPDATE host SET bound_ports = $3 WHERE tenant = $1 AND id = $2 "
                        + "AND bound_ports IS DISTINCT FROM $3")
                .execute(Tuple.of(tenant, hostId, ports(bound))).replaceWithVoid();
    }

    /** The agent's socket closed; only the connection that holds the host may mark it disconnected. */
    public Uni<Optional<Host>> disconnected(String tenant, String hostId, String connectionId) {
        return pool.preparedQuery("UPDATE host AS h SET agent_connected = false WHERE tenant = $1 AND id = $2 "
                        + "AND connection_id = $3 AND agent_connected RETURNING " + COLUMNS)
                .execute(Tuple.of(tenant, hostId, connectionId))
                .map(rows -> Rows.first(rows, HostStore::row));
    }

    /** Heartbeats of many hosts in one statement. */
    public Uni<Void> heartbeats(List<HostKey> hosts) {
        if (hosts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] tenants = hosts.stream().map(HostKey::tenant).toArray(String[]::new);
        String[] ids = hosts.stream().map(HostKey::hostId).toArray(String[]::new);
        // rows a placement holds right now are skipped (their next beat is a second away): a
        // heartbeat never waits for, or deadlocks with, a placement
        return pool.preparedQuery("WITH beat AS (SELECT h.tenant, h.id FROM host h JOIN unnest($1::text[], $2::text[]) "
                        + "AS b(tenant, id) ON h.tenant = b.tenant AND h.id = b.id ORDER BY h.tenant, h.id "
                        + "FOR UPDATE OF h SKIP LOCKED) "
                        + "UPDATE host h SET last_heartbeat_at = now() FROM beat WHERE h.tenant = beat.tenant AND h.id = beat.id")
                .execute(Tuple.tuple().addArrayOfString(tenants).addArrayOfString(ids)).replaceWithVoid();
    }

    /** Of these hosts, the ones marked lost (and not back with a hello since). */
    public Uni<List<HostKey>> lostAmong(List<HostKey> hosts) {
        if (hosts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] tenants = hosts.stream().map(HostKey::tenant).toArray(String[]::new);
        String[] ids = hosts.stream().map(HostKey::hostId).toArray(String[]::new);
        return pool.preparedQuery("SELECT h.tenant, h.id FROM host h JOIN unnest($1::text[], $2::text[]) AS b(tenant, id) "
                        + "ON h.tenant = b.tenant AND h.id = b.id WHERE h.lost_at IS NOT NULL")
                .execute(Tuple.tuple().addArrayOfString(tenants).addArrayOfString(ids))
                .map(rows -> Rows.all(rows, r -> new HostKey(r.getString("tenant"), r.getString("id"))));
    }

    /** Hosts silent for longer than {@code bound}, marked lost once (and disconnected). */
    public Uni<List<Host>> markLost(Duration bound) {
        return pool.preparedQuery("UPDATE host AS h SET lost_at = now(), agent_connected = false WHERE lost_at IS NULL "
                        + "AND status <> 'INACTIVE' AND last_heartbeat_at < now() - make_interval(secs => $1) "
                        + "RETURNING " + COLUMNS)
                .execute(Tuple.of((double) bound.toMillis() / 1000))
                .map(rows -> Rows.all(rows, HostStore::row));
    }

    public Uni<Optional<Host>> find(String tenant, String hostId) {
        return find(pool, tenant, hostId);
    }

    public Uni<Optional<Host>> find(SqlClient client, String tenant, String hostId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM host h WHERE h.tenant = $1 AND h.id = $2")
                .execute(Tuple.of(tenant, hostId)).map(rows -> Rows.first(rows, HostStore::row));
    }

    /** Hosts of a cluster in id order after {@code after}; {@code status} null means ACTIVE and DRAINING. */
    public Uni<List<Host>> list(String tenant, String cluster, HostStatus status, String after, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM host h WHERE h.tenant = $1 AND h.cluster = $2 "
                        + "AND (($3::text IS NULL AND h.status <> 'INACTIVE') OR h.status = $3) AND h.id > $4 "
                        + "ORDER BY h.id LIMIT $5")
                .execute(Tuple.of(tenant, cluster, status == null ? null : status.name(), after == null ? "" : after, limit))
                .map(rows -> Rows.all(rows, HostStore::row));
    }

    /** What placement needs: the cluster's hosts (not INACTIVE) and the task groups on each. */
    public Uni<List<Host>> placeable(SqlClient client, String tenant, String cluster) {
        return client.preparedQuery("SELECT h.tenant, h.id, h.cluster, h.hostname, h.status, h.agent_connected, "
                        + "h.agent_version, h.registered_at, h.last_heartbeat_at, h.cpu, h.memory, h.used_cpu, h.used_memory, "
                        + "h.reserved_ports, h.used_ports, h.attributes, h.bound_ports, h.dynamic_port_first, "
                        + "h.dynamic_port_last, 0 AS running, 0 AS pending FROM host h "
                        + "WHERE h.tenant = $1 AND h.cluster = $2 AND h.status <> 'INACTIVE' ORDER BY h.id")
                .execute(Tuple.of(tenant, cluster)).map(rows -> Rows.all(rows, HostStore::row));
    }

    /**
     * How many tasks of each group run on each host of the cluster and are to keep running: host id
     * to group to count. A task being stopped no longer counts (its room does until it is STOPPED),
     * so that a spread sees what will run, not a task that will be gone in a moment.
     */
    public Uni<Map<String, Map<String, Integer>>> taskGroups(SqlClient client, String tenant, String cluster) {
        return client.preparedQuery("SELECT host_id, grp, count(*) AS n FROM task WHERE tenant = $1 AND cluster = $2 "
                        + "AND last_status <> 'STOPPED' AND desired_status <> 'STOPPED' GROUP BY host_id, grp")
                .execute(Tuple.of(tenant, cluster))
                .map(rows -> {
                    Map<String, Map<String, Integer>> groups = new HashMap<>();
                    for (Row row : rows) {
                        groups.computeIfAbsent(row.getString("host_id"), k -> new HashMap<>())
                                .put(row.getString("grp"), row.getLong("n").intValue());
                    }
                    return groups;
                });
    }

    /** Room to take on one host: the sum of what a placement puts there. */
    public record Reservation(String hostId, int cpu, int memory, List<String> ports) {
    }

    /**
     * Takes cpu, memory and ports on each host if they are still free and the host still takes
     * tasks, in one statement; false, and nothing taken on any host, when one of them no longer has
     * the room (another placement got there first; the caller rolls back).
     */
    public Uni<Boolean> reserveAll(SqlClient client, String tenant, List<Reservation> reservations) {
        return client.preparedQuery("UPDATE host SET used_cpu = used_cpu + r.cpu, used_memory = used_memory + r.memory, "
                        + "used_ports = used_ports || string_to_array(r.ports, ',') "
                        + "FROM unnest($2::text[], $3::int[], $4::int[], $5::text[]) AS r(id, cpu, memory, ports) "
                        + "WHERE host.tenant = $1 AND host.id = r.id AND status = 'ACTIVE' AND agent_connected "
                        + "AND used_cpu + r.cpu <= host.cpu AND used_memory + r.memory <= host.memory "
                        + "AND NOT (used_ports && string_to_array(r.ports, ',')) "
                        + "AND NOT (bound_ports && string_to_array(r.ports, ','))")
                .execute(Tuple.of(tenant,
                        reservations.stream().map(Reservation::hostId).toArray(String[]::new),
                        reservations.stream().map(Reservation::cpu).toArray(Integer[]::new),
                        reservations.stream().map(Reservation::memory).toArray(Integer[]::new),
                        reservations.stream().map(r -> String.join(",", r.ports())).toArray(String[]::new)))
                .map(rows -> rows.rowCount() == reservations.size());
    }

    public Uni<Void> release(SqlClient client, String tenant, String hostId, int cpu, int memory, List<String> ports) {
        return client.preparedQuery("UPDATE host SET used_cpu = greatest(0, used_cpu - $3), "
                        + "used_memory = greatest(0, used_memory - $4), "
                        + "used_ports = ARRAY(SELECT unnest(used_ports) EXCEPT SELECT unnest($5::text[]) "
                        + "UNION SELECT unnest(reserved_ports)) WHERE tenant = $1 AND id = $2")
                .execute(Tuple.of(tenant, hostId, cpu, memory, ports.toArray(String[]::new))).replaceWithVoid();
    }

    /** ECS UpdateContainerInstancesState: ACTIVE or DRAINING; an INACTIVE host stays as it is. */
    public Uni<Optional<Host>> setStatus(String tenant, String cluster, String hostId, HostStatus status) {
        return pool.preparedQuery("UPDATE host AS h SET status = $4 WHERE tenant = $1 AND cluster = $2 AND id = $3 "
                        + "AND status <> 'INACTIVE' RETURNING " + COLUMNS)
                .execute(Tuple.of(tenant, cluster, hostId, status.name()))
                .map(rows -> Rows.first(rows, HostStore::row));
    }

    public Uni<Optional<Host>> deregister(String tenant, String cluster, String hostId) {
        return pool.preparedQuery("UPDATE host AS h SET status = 'INACTIVE', agent_connected = false, "
                        + "deregistered_at = now() WHERE tenant = $1 AND cluster = $2 AND id = $3 AND status <> 'INACTIVE' "
                        + "RETURNING " + COLUMNS)
                .execute(Tuple.of(tenant, cluster, hostId))
                .map(rows -> Rows.first(rows, HostStore::row));
    }

    /** Sets an admin's attributes (a null value is an attribute without value, as in ECS); they win over the agent's. */
    public Uni<Boolean> putAttributes(String tenant, String cluster, String hostId, Map<String, String> attributes) {
        return pool.preparedQuery("UPDATE host SET attributes = attributes || $4, admin_attributes = admin_attributes || $4 "
                        + "WHERE tenant = $1 AND cluster = $2 "
                        + "AND id = $3 AND status <> 'INACTIVE'")
                .execute(Tuple.of(tenant, cluster, hostId, new JsonObject(new LinkedHashMap<>(attributes))))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> deleteAttributes(String tenant, String cluster, String hostId, List<String> names) {
        return pool.preparedQuery("UPDATE host SET attributes = attributes - $4::text[], "
                        + "admin_attributes = admin_attributes - $4::text[] WHERE tenant = $1 AND cluster = $2 "
                        + "AND id = $3 AND status <> 'INACTIVE'")
                .execute(Tuple.of(tenant, cluster, hostId, names.toArray(String[]::new)))
                .map(rows -> rows.rowCount() == 1);
    }

    public record HostKey(String tenant, String hostId) {
    }

    static Host row(Row row) {
        JsonObject attributes = row.getJsonObject("attributes");
        Map<String, String> map = new LinkedHashMap<>();
        attributes.forEach(e -> map.put(e.getKey(), e.getValue() == null ? "" : String.valueOf(e.getValue())));
        return new Host(row.getString("tenant"), row.getString("id"), row.getString("cluster"), row.getString("hostname"),
                HostStatus.valueOf(row.getString("status")), row.getBoolean("agent_connected"), row.getString("agent_version"),
                row.getOffsetDateTime("registered_at").toInstant(),
                Optional.ofNullable(row.getOffsetDateTime("last_heartbeat_at")).map(t -> t.toInstant()).orElse(null),
                row.getInteger("cpu"), row.getInteger("memory"), row.getInteger("used_cpu"), row.getInteger("used_memory"),
                List.of(row.getArrayOfStrings("reserved_ports")), List.of(row.getArrayOfStrings("used_ports")),
                java.util.Collections.unmodifiableMap(map), row.getLong("running").intValue(),
                row.getLong("pending").intValue(), List.of(row.getArrayOfStrings("bound_ports")),
                new AgentMessage.PortRange(row.getInteger("dynamic_port_first"), row.getInteger("dynamic_port_last")));
    }

    private static String[] ports(AgentMessage.Capacity capacity) {
        List<String> ports = new ArrayList<>();
        capacity.reservedTcpPorts().forEach(p -> ports.add("tcp/" + p));
        capacity.reservedUdpPorts().forEach(p -> ports.add("udp/" + p));
        return ports.stream().distinct().toArray(String[]::new);
    }

    private static boolean hostPort(Integer port) {
        return port != null && port >= 1 && port <= 65535;
    }

    /** What an agent reports bound, at most BoundPorts.LIMIT of each protocol, nothing that is not a port. */
    private static String[] ports(AgentMessage.BoundPorts bound) {
        if (bound == null) {
            return new String[0];
        }
        List<String> ports = new ArrayList<>();
        bound.tcp().stream().filter(HostStore::hostPort).limit(AgentMessage.BoundPorts.LIMIT)
                .forEach(p -> ports.add("tcp/" + p));
        bound.udp().stream().filter(HostStore::hostPort).limit(AgentMessage.BoundPorts.LIMIT)
                .forEach(p -> ports.add("udp/" + p));
        return ports.stream().distinct().toArray(String[]::new);
    }
}
