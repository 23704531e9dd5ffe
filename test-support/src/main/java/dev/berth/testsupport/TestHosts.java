package dev.berth.testsupport;

import dev.berth.agent.hostauth.HostCredentials;
import java.util.Map;
import java.util.UUID;

/**
 * Host identities for tests of a single service: a Keycloak client per host with the claims and
 * role a host registration gives (tenant, cluster, host_id, realm role {@code host}), as the
 * gateway makes one when a host redeems a registration token. End-to-end tests register hosts
 * through the gateway instead.
 */
public final class TestHosts {

    private static final String TOKEN_ENDPOINT = System.getenv().getOrDefault("BERTH_KEYCLOAK_URL",
            "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_KEYCLOAK_PORT", "8180"))
            + "/realms/berth/protocol/openid-connect/token";

    private TestHosts() {
    }

    /** A new host of {@code cluster} in {@code tenant}, with a fresh host id. */
    public static HostCredentials register(String tenant, String cluster) {
        String hostId = "h-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestClients.Client client = TestClients.create(tenant + "-host-" + hostId,
                Map.of("tenant", tenant, "cluster", cluster, "host_id", hostId), "host",
                Map.of("berth.tenant", tenant, "berth.kind", "host", "berth.cluster", cluster, "berth.host-id", hostId), 0);
        return new HostCredentials(hostId, tenant, cluster, client.clientId(), client.secret(), TOKEN_ENDPOINT);
    }
}
