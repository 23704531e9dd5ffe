package dev.berth.gateway.audit;

import dev.berth.common.auth.Principal;
import dev.berth.common.auth.JwtClaims;
import dev.berth.common.http.RequestIds;
import dev.berth.common.messaging.EventEnvelope;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * Records every authenticated mutating call (POST, PUT, PATCH, DELETE) with its outcome on
 * {@code berth.events}, once the response has been sent.
 */
@ApplicationScoped
public class AuditRoute {

    /** After authentication (so the caller is known), before rate limits, so throttled calls are audited too. */
    private static final int ROUTE_ORDER = 800;
    private static final Set<HttpMethod> MUTATING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @Inject
    AuditPublisher publisher;

    void install(@Observes Router router) {
        router.routeWithRegex("^/(api/.*|v2(/.*)?)$").order(ROUTE_ORDER).handler(this::auditWhenDone);
    }

    private void auditWhenDone(RoutingContext ctx) {
        Optional<Principal> caller = MUTATING.contains(ctx.request().method()) && ctx.user() instanceof QuarkusHttpUser user
                ? JwtClaims.principalOf(user.getSecurityIdentity()) : Optional.empty();
        if (caller.isPresent()) {
            Principal principal = caller.get();
            String traceparent = ctx.request().getHeader("traceparent");
            ctx.addEndHandler(done -> publisher.publish(EventEnvelope.of(AuditEvent.TYPE, AuditEvent.VERSION,
                    principal.tenant().orElse(null), traceparent,
                    new AuditEvent(principal.name(), principal.kind().name(), principal.subject(),
                            ctx.request().method().name(), ctx.request().path(), ctx.response().getStatusCode(),
                            ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress(),
                            ctx.request().getHeader(RequestIds.HEADER)))));
        }
        ctx.next();
    }
}
