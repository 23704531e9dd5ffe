package dev.berth.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testsupport.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keycloak's admin API as the scheduler's tests need it, used with the gateway's service account
 * (as the gateway does): a platform operator (a client whose service account holds the realm role
 * {@code platform-operator} and no tenant, made once per test run, as the realm ships none), and
 * host clients with short-lived tokens or disabled.
 */
public final class KeycloakAdmin {

    private static final String KEYCLOAK = System.getenv().getOrDefault("BERTH_KEYCLOAK_URL",
            "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_KEYCLOAK_PORT", "8180"));
    private static final String ADMIN = KEYCLOAK + "/admin/realms/berth";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String clientId;
    private static String secret;

    private KeycloakAdmin() {
    }

    /** A fresh token of the test operator. */
    public static synchronized String platformOperatorToken() {
        if (clientId == null) {
            String id = "test-operator-" + UUID.randomUUID().toString().substring(0, 8);
            String password = UUID.randomUUID().toString();
            String admin = Tokens.forPlatformService("gateway");
            call(admin, "POST", ADMIN + "/clients", Map.of("clientId", id, "enabled", true, "protocol", "openid-connect",
                    "publicClient", false, "secret", password, "serviceAccountsEnabled", true,
                    "standardFlowEnabled", false, "directAccessGrantsEnabled", false), 201);
            String uuid = call(admin, "GET", ADMIN + "/clients?clientId=" + id, null, 200).get(0).get("id").asText();
            String user = call(admin, "GET", ADMIN + "/clients/" + uuid + "/service-account-user", null, 200)
                    .get("id").asText();
            JsonNode role = call(admin, "GET", ADMIN + "/roles/platform-operator", null, 200);
            call(admin, "POST", ADMIN + "/users/" + user + "/role-mappings/realm", List.of(role), 204);
            clientId = id;
            secret = password;
        }
        return Tokens.clientCredentials(clientId, secret);
    }

    /** Tokens of {@code clientId} live {@code seconds} from now on. */
    public static void tokenLifespan(String clientId, int seconds) {
        changeClient(clientId, client -> ((com.fasterxml.jackson.databind.node.ObjectNode) client.get("attributes"))
                .put("access.token.lifespan", String.valueOf(seconds)));
    }

    /** {@code clientId} gets no more tokens. */
    public static void disable(String clientId) {
        changeClient(clientId, client -> ((com.fasterxml.jackson.databind.node.ObjectNode) client).put("enabled", false));
    }

    private static void changeClient(String clientId, java.util.function.Consumer<JsonNode> change) {
        String admin = Tokens.forPlatformService("gateway");
        JsonNode client = call(admin, "GET", ADMIN + "/clients?clientId=" + clientId, null, 200).get(0);
        change.accept(client);
        call(admin, "PUT", ADMIN + "/clients/" + client.get("id").asText(), client, 204);
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
