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
 * Records every mutating call (POST, PUT, PATCH, DELETE) with its outcome on
 * {@code berth.events}, once the response has been sent: authenticated calls with their
 * caller, and calls refused before authentication (no or a bad token) as {@code ANONYMOUS}.
 */
@ApplicationScoped
public class AuditRoute {

    /**
     * Before authentication, so refused calls are seen too; the caller is read when the
     * response ends, by which time authentication has run. Right after the request id.
     */
    private static final int ROUTE_ORDER = Integer.MIN_VALUE + 1;
    private static final Set<HttpMethod> MUTATING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    static final String ANONYMOUS = "ANONYMOUS";

    @Inject
    AuditPublisher publisher;

    void install(@Observes Router router) {
        router.routeWithRegex("^/(api/.*|v2(/.*)?)$").order(ROUTE_ORDER).handler(this::auditWhenDone);
    }

    private void auditWhenDone(RoutingContext ctx) {
        if (MUTATING.contains(ctx.request().method())) {
            String traceparent = ctx.request().getHeader("traceparent");
            ctx.addEndHandler(done -> publisher.publish(eventOf(ctx, traceparent)));
        }
        ctx.next();
    }

    private static EventEnvelope eventOf(RoutingContext ctx, String traceparent) {
        Optional<Principal> caller = ctx.user() instanceof QuarkusHttpUser user
                ? JwtClaims.principalOf(user.getSecurityIdentity()) : Optional.empty();
        AuditEvent event = new AuditEvent(
                caller.map(Principal::name).orElse("anonymous"),
                caller.map(p -> p.kind().name()).orElse(ANONYMOUS),
                caller.map(Principal::subject).orElse(null),
                ctx.request().method().name(), ctx.request().path(), ctx.response().getStatusCode(),
                ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress(),
                ctx.request().getHeader(RequestIds.HEADER));
        return EventEnvelope.of(AuditEvent.TYPE, AuditEvent.VERSION, caller.flatMap(Principal::tenant).orElse(null),
                traceparent, event);
    }
}
