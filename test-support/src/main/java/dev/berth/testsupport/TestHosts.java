package dev.berth.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.agent.hostauth.HostCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Host identities for tests of a single service: a Keycloak client per host with the claims and
 * role a host registration gives (tenant, cluster, host_id, realm role {@code host}), created
 * through Keycloak's admin API with the gateway's service account, as the gateway does when a
 * host redeems a registration token. End-to-end tests register hosts through the gateway instead.
 */
public final class TestHosts {

    private static final String KEYCLOAK = System.getenv().getOrDefault("BERTH_KEYCLOAK_URL",
            "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_KEYCLOAK_PORT", "8180"));
    private static final String ADMIN = KEYCLOAK + "/admin/realms/berth";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestHosts() {
    }

    /** A new host of {@code cluster} in {@code tenant}, with a fresh host id. */
    public static HostCredentials register(String tenant, String cluster) {
        String hostId = "h-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String clientId = tenant + "-host-" + hostId;
        String secret = UUID.randomUUID().toString();
        String admin = adminToken();
        Map<String, Object> client = Map.of(
                "clientId", clientId, "enabled", true, "protocol", "openid-connect", "publicClient", false,
                "secret", secret, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "directAccessGrantsEnabled", false,
                "attributes", Map.of("berth.tenant", tenant, "berth.kind", "host", "berth.cluster", cluster,
                        "berth.host-id", hostId),
                "protocolMappers", List.of(claim("tenant", tenant), claim("cluster", cluster), claim("host_id", hostId)));
        call(admin, "POST", ADMIN + "/clients", client, 201);
        String id = call(admin, "GET", ADMIN + "/clients?clientId=" + clientId, null, 200).get(0).get("id").asText();
        String user = call(admin, "GET", ADMIN + "/clients/" + id + "/service-account-user", null, 200).get("id").asText();
        JsonNode role = call(admin, "GET", ADMIN + "/roles/host", null, 200);
        call(admin, "POST", ADMIN + "/users/" + user + "/role-mappings/realm", List.of(role), 204);
        return new HostCredentials(hostId, tenant, cluster, clientId, secret,
                KEYCLOAK + "/realms/berth/protocol/openid-connect/token");
    }

    private static String adminToken;
    private static long adminTokenAt;

    /** The gateway's token, reused for a minute (its lifetime is longer). */
    private static synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenAt > 60_000_000_000L) {
            adminToken = Tokens.forPlatformService("gateway");
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    private static Map<String, Object> claim(String name, String value) {
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", "oidc-hardcoded-claim-mapper",
                "config", Map.of("claim.name", name, "claim.value", value, "jsonType.label", "String",
                        "access.token.claim", "true", "id.token.claim", "false"));
    }

    private static JsonNode call(String token, String method, String url, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
            request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                    : request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API not reachable at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
