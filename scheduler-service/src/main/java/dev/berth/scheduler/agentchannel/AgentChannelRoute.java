package dev.berth.scheduler.agentchannel;

import dev.berth.common.auth.JwtClaims;
import dev.berth.common.auth.Principal;
import dev.berth.common.auth.PrincipalKind;
import dev.berth.common.error.ApiError;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.http.RequestIds;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /api/agent/v1/connect}: the agent channel (docs/agent-protocol.md). Quarkus has
 * already checked the bearer token; only a host's token opens the channel, and the host it names
 * (tenant, cluster, host id) is the only host the connection can speak for.
 */
@ApplicationScoped
public class AgentChannelRoute {

    public static final String PATH = "/api/agent/v1/connect";

    /** For a token without exp (Keycloak always sets one): Keycloak's default access token lifespan. */
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(5);

    @Inject
    AgentChannel channel;

    @Inject
    Vertx vertx;

    void install(@Observes Router router) {
        router.get(PATH).handler(this::upgrade);
    }

    private void upgrade(RoutingContext ctx) {
        Optional<Principal> caller = ctx.user() instanceof QuarkusHttpUser user
                ? JwtClaims.principalOf(user.getSecurityIdentity()) : Optional.empty();
        if (caller.isEmpty()) {
            refuse(ctx, ErrorCode.MISSING_TOKEN, "The agent channel needs a host token.");
            return;
        }
        Principal host = caller.get();
        if (host.kind() != PrincipalKind.HOST || host.tenant().isEmpty() || host.cluster().isEmpty()
                || host.hostId().isEmpty()) {
            refuse(ctx, ErrorCode.ACCESS_DENIED, "Only a host's token opens the agent channel; "
                    + host.name() + " is not a host.");
            return;
        }
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            refuse(ctx, ErrorCode.INVALID_PARAMETER, "The agent channel is a WebSocket: send Upgrade: websocket.");
            return;
        }
        String connectionId = UUID.randomUUID().toString();
        Instant tokenExpires = tokenExpiry(((QuarkusHttpUser) ctx.user()).getSecurityIdentity());
        ctx.request().toWebSocket().onSuccess(socket -> new AgentConnection(channel, vertx, socket, host.tenant().get(),
                host.cluster().get(), host.hostId().get(), connectionId, tokenExpires).start());
    }

    /** When the token that opens a channel runs out, the channel does too: the host must show a fresh one. */
    private static Instant tokenExpiry(SecurityIdentity identity) {
        long exp = identity.getPrincipal() instanceof JsonWebToken token ? token.getExpirationTime() : 0;
        return exp > 0 ? Instant.ofEpochSecond(exp) : Instant.now().plus(DEFAULT_TOKEN_LIFETIME);
    }

    private static void refuse(RoutingContext ctx, ErrorCode error, String message) {
        ctx.response().setStatusCode(error.status()).putHeader("Content-Type", "application/json")
                .end(Json.encode(new ApiError(error.code(), message, ctx.request().getHeader(RequestIds.HEADER))));
    }
}
