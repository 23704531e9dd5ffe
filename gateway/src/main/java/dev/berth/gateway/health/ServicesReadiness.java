package dev.berth.gateway.health;

import dev.berth.gateway.routing.GatewayConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The readiness of every service behind the gateway, at {@code /q/health/group/services}.
 * It is a group of its own, not part of the gateway's readiness, so one service being down
 * does not take the gateway (and every other service's traffic) out of rotation.
 */
@HealthGroup("services")
@ApplicationScoped
public class ServicesReadiness implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    GatewayConfig config;

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Map.Entry<String, URI>> services = config.services().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList();
        List<CompletableFuture<Boolean>> probes = services.stream().map(e -> isReady(e.getValue())).toList();
        return Uni.createFrom().completionStage(CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    HealthCheckResponseBuilder response = HealthCheckResponse.named("Berth services").up();
                    for (int i = 0; i < services.size(); i++) {
                        boolean ready = probes.get(i).join();
                        response.withData(services.get(i).getKey(), ready ? "UP" : "DOWN");
                        if (!ready) {
                            response.down();
                        }
                    }
                    return response.build();
                }));
    }

    private CompletableFuture<Boolean> isReady(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200)
                .exceptionally(failure -> false);
    }
}
