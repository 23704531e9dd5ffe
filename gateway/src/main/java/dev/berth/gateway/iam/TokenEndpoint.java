package dev.berth.gateway.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The berth realm's token endpoint, for tokens the gateway obtains on someone's behalf. */
@ApplicationScoped
public class TokenEndpoint {

    /** An access token and when it stops being valid. */
    public record IssuedToken(String accessToken, Instant issuedAt, Instant expiresAt) {
    }

    /** The public client people log in with (docs/security.md). */
    private static final String CLI_CLIENT = "berth-cli";

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @return empty when Keycloak refuses the client's credentials */
    public Optional<IssuedToken> clientCredentials(String clientId, String secret) {
        return request(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** @return empty when Keycloak refuses the user's credentials (or the user must act first) */
    public Optional<IssuedToken> password(String username, String password) {
        return request(Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", username,
                "password", password));
    }

    private Optional<IssuedToken> request(Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))))
                .build();
        try {
            Instant now = Instant.now();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400 || response.statusCode() == 401) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new ApiException(ErrorCode.IDENTITY_PROVIDER,
                        "Keycloak's token endpoint answered HTTP " + response.statusCode() + ".");
            }
            JsonNode body = json.readTree(response.body());
            return Optional.of(new IssuedToken(body.path("access_token").asText(), now,
                    now.plusSeconds(body.path("expires_in").asLong())));
        } catch (IOException e) {
            throw new ApiException(ErrorCode.IDENTITY_PROVIDER, "Keycloak did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while asking Keycloak.");
        }
    }
}
