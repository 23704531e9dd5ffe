package dev.berth.gateway.hosts;

import jakarta.enterprise.context.ApplicationScoped;
import dev.berth.gateway.routing.GatewayConfig;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;

/**
 * Tells the scheduler that a host's credentials were taken away, with the gateway's own service
 * account token: the scheduler closes the host's agent channel, stops its tasks and gives it no
 * more. Should the scheduler be unreachable, the channel still ends when the token that opened it
 * expires (the scheduler closes channels at their token's exp), and the host gets no new token.
 */
@ApplicationScoped
public class SchedulerHostRevocation {

    private static final Logger LOG = Logger.getLogger(SchedulerHostRevocation.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    Keycloak keycloak;

    @Inject
    GatewayConfig config;

    /** @return whether the scheduler confirmed */
    public boolean tell(String tenant, String hostId) {
        URI uri = config.services().get("scheduler")
                .resolve("/api/scheduler/v1/internal/hosts/" + encode(tenant) + "/" + encode(hostId));
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + keycloak.tokenManager().getAccessTokenString())
                    .DELETE().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return true;
            }
            LOG.warnf("host %s/%s: the scheduler answered %d to its revocation: %s", tenant, hostId,
                    response.statusCode(), response.body());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("host %s/%s: the scheduler was not told of its revocation (its channel ends at its token's "
                    + "expiry): %s", tenant, hostId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
