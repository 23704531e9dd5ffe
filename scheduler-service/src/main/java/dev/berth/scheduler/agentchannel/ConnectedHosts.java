package dev.berth.scheduler.agentchannel;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/** The agent connections this replica holds, by tenant and host. */
@ApplicationScoped
public class ConnectedHosts {

    private final ConcurrentHashMap<String, AgentConnection> connections = new ConcurrentHashMap<>();

    /** Holds the connection; an older one of the same host is closed. */
    void add(AgentConnection connection) {
        AgentConnection previous = connections.put(key(connection.tenant(), connection.hostId()), connection);
        if (previous != null && previous != connection) {
            previous.replaced();
        }
    }

    void remove(AgentConnection connection) {
        connections.remove(key(connection.tenant(), connection.hostId()), connection);
    }

    void wake(String tenant, String hostId) {
        AgentConnection connection = connections.get(key(tenant, hostId));
        if (connection != null) {
            connection.sendPendingCommands();
        }
    }

    /** Closes a host's connection here without refusing it: its agent reconnects at once and says hello again. */
    void rejoin(String tenant, String hostId) {
        AgentConnection connection = connections.get(key(tenant, hostId));
        if (connection != null) {
            connection.rejoin();
        }
    }

    /** Closes a host's connection here (deregistered); other replicas close theirs when the host's next frame fails. */
    public void close(String tenant, String hostId, String code, String message) {
        AgentConnection connection = connections.get(key(tenant, hostId));
        if (connection != null) {
            connection.refuse(code, message);
        }
    }

    Collection<AgentConnection> all() {
        return connections.values();
    }

    public int count() {
        return connections.size();
    }

    private static String key(String tenant, String hostId) {
        return tenant + "/" + hostId;
    }
}
