package dev.berth.agent.hostauth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Access tokens for a registered host: fetched with its client credentials and reused until
 * shortly before they expire, so the agent always holds a valid one.
 */
public final class HostTokens {

    /** Fetch a new token this long before the current one expires. */
    static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);

    private final HostCredentials credentials;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private Instant refreshAt = Instant.MIN;

    public HostTokens(HostCredentials credentials) {
        this(credentials, Clock.systemUTC());
    }

    HostTokens(HostCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** A valid access token, fetched only when the cached one is about to expire. */
    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(credentials.clientId())
                + "&client_secret=" + encode(credentials.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(credentials.tokenEndpoint()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            Instant requestedAt = clock.instant();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new HostAuthException("Keycloak refused a token for host " + credentials.hostId()
                        + " (HTTP " + response.statusCode() + "): " + response.body());
            }
            JsonNode body = HostCredentials.JSON.readTree(response.body());
            token = body.get("access_token").asText();
            Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(60));
            refreshAt = requestedAt.plus(lifetime).minus(REFRESH_AHEAD);
        } catch (IOException e) {
            throw new HostAuthException("could not reach " + credentials.tokenEndpoint() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostAuthException("interrupted while fetching a token", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
