package dev.berth.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Gets real access tokens from the local Keycloak, the way a user does with {@code berth-cli}.
 * The tests' one token cache: a demo user's or a platform service's token is reused until 30 s
 * before it expires; a password or client-credentials grant asked for by name always goes to
 * Keycloak (tests that disable a client or change a password see Keycloak's answer).
 */
public final class Tokens {

    public static final String DEMO_PASSWORD = System.getenv().getOrDefault("BERTH_DEMO_PASSWORD", "berth-demo");
    private static final String TOKEN_URL = System.getenv().getOrDefault("BERTH_OIDC_URL",
            "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_KEYCLOAK_PORT", "8180") + "/realms/berth")
            + "/protocol/openid-connect/token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    /** An access token for a demo user (e.g. {@code acme-admin}) through the public berth-cli client. */
    public static String forDemoUser(String username) {
        return cached("user:" + username, () -> requestToken(Map.of("grant_type", "password", "client_id", "berth-cli",
                "username", username, "password", DEMO_PASSWORD), username));
    }

    public static String passwordGrant(String username, String password) {
        return requestToken(Map.of("grant_type", "password", "client_id", "berth-cli",
                "username", username, "password", password), username).token();
    }

    /** A token for a confidential client (a service account) with its client credentials. */
    public static String clientCredentials(String clientId, String secret) {
        return requestToken(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret), clientId).token();
    }

    /** A token of one of the platform's own services, e.g. {@code scheduler} (role platform-service). */
    public static String forPlatformService(String service) {
        return cached("service:" + service, () -> requestToken(Map.of("grant_type", "client_credentials",
                "client_id", "berth-" + service, "client_secret", PlatformSecrets.clientSecret(service)), service));
    }

    private record Issued(String token, long expiresAtNanos) {
    }

    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();

    private static String cached(String key, Supplier<Issued> issue) {
        Issued issued = CACHE.get(key);
        if (issued == null || System.nanoTime() > issued.expiresAtNanos()) {
            issued = issue.get();
            CACHE.put(key, issued);
        }
        return issued.token();
    }

    /** The claims of a JWT, read without checking it (tests look at what Keycloak put in). */
    public static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException("not a JWT", e);
        }
    }

    private static Issued requestToken(Map<String, String> parameters, String who) {
        String form = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + who + ": "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            long reuseFor = Math.max(0, body.path("expires_in").asLong(60) - 30);
            return new Issued(body.get("access_token").asText(), System.nanoTime() + reuseFor * 1_000_000_000L);
        } catch (IOException e) {
            throw new IllegalStateException("could not reach Keycloak at " + TOKEN_URL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
