package dev.berth.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Throw-away Keycloak clients of the berth realm for tests (a host, an operator, a client whose
 * tokens live seconds), made through Keycloak's admin API with the gateway's service account,
 * with fixed claims, a realm role and the audience every service requires, as the gateway makes
 * its own clients.
 */
public final class TestClients {

    /** A confidential client and its secret; {@link #token()} gets a fresh access token. */
    public record Client(String clientId, String secret, String id) {
        public String token() {
            return Tokens.clientCredentials(clientId, secret);
        }
    }

    private static final String KEYCLOAK = System.getenv().getOrDefault("BERTH_KEYCLOAK_URL",
            "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_KEYCLOAK_PORT", "8180"));
    private static final String ADMIN = KEYCLOAK + "/admin/realms/berth";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Client operator;

    private TestClients() {
    }

    /**
     * A new client {@code clientId} whose tokens carry {@code claims} and {@code realmRole} (null for
     * none); {@code tokenLifespanSeconds} 0 keeps the realm's lifespan.
     */
    public static Client create(String clientId, Map<String, String> claims, String realmRole,
            Map<String, String> attributes, int tokenLifespanSeconds) {
        String secret = UUID.randomUUID().toString();
        Map<String, String> allAttributes = new LinkedHashMap<>(attributes);
        if (tokenLifespanSeconds > 0) {
            allAttributes.put("access.token.lifespan", String.valueOf(tokenLifespanSeconds));
        }
        List<Map<String, Object>> mappers = new ArrayList<>();
        claims.forEach((name, value) -> mappers.add(Map.of("name", name, "protocol", "openid-connect",
                "protocolMapper", "oidc-hardcoded-claim-mapper",
                "config", Map.of("claim.name", name, "claim.value", value, "jsonType.label", "String",
                        "access.token.claim", "true", "id.token.claim", "false"))));
        mappers.add(Map.of("name", "audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.custom.audience", "berth", "access.token.claim", "true")));
        String admin = adminToken();
        call(admin, "POST", ADMIN + "/clients", Map.of("clientId", clientId, "enabled", true, "protocol", "openid-connect",
                "publicClient", false, "secret", secret, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "directAccessGrantsEnabled", false, "attributes", allAttributes, "protocolMappers", mappers), 201);
        String id = call(admin, "GET", ADMIN + "/clients?clientId=" + clientId, null, 200).get(0).get("id").asText();
        if (realmRole != null) {
            String user = call(admin, "GET", ADMIN + "/clients/" + id + "/service-account-user", null, 200).get("id").asText();
            JsonNode role = call(admin, "GET", ADMIN + "/roles/" + realmRole, null, 200);
            call(admin, "POST", ADMIN + "/users/" + user + "/role-mappings/realm", List.of(role), 204);
        }
        return new Client(clientId, secret, id);
    }

    /** A token of a platform operator: a client with the realm role and no tenant, made once per test JVM (the realm ships none). */
    public static synchronized String platformOperatorToken() {
        if (operator == null) {
            operator = create("test-operator-" + UUID.randomUUID().toString().substring(0, 8), Map.of(),
                    "platform-operator", Map.of(), 0);
        }
        return operator.token();
    }

    public static void delete(Client client) {
        call(adminToken(), "DELETE", ADMIN + "/clients/" + client.id(), null, 204);
    }

    /** Tokens of {@code clientId} live {@code seconds} from now on. */
    public static void tokenLifespan(String clientId, int seconds) {
        change(clientId, client -> ((ObjectNode) client.get("attributes")).put("access.token.lifespan", String.valueOf(seconds)));
    }

    /** {@code clientId} gets no more tokens. */
    public static void disable(String clientId) {
        change(clientId, client -> ((ObjectNode) client).put("enabled", false));
    }

    private static void change(String clientId, Consumer<JsonNode> change) {
        String admin = adminToken();
        JsonNode client = call(admin, "GET", ADMIN + "/clients?clientId=" + clientId, null, 200).get(0);
        change.accept(client);
        call(admin, "PUT", ADMIN + "/clients/" + client.get("id").asText(), client, 204);
    }

    /** The gateway's token (it manages the realm's clients), reused for a minute (its lifetime is longer). */
    private static String adminToken() {
        return Tokens.forPlatformService("gateway");
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
