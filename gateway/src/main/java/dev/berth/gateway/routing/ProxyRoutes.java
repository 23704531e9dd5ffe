package dev.berth.gateway.routing;

import dev.berth.common.error.ApiError;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.http.CappedReadStream;
import dev.berth.common.http.RequestIds;
import dev.berth.gateway.limits.ApiBodyLimit;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;

/**
 * Streams {@code /api/<service>/v1/**} and {@code /v2/**} to the owning service with the
 * Vert.x reverse proxy: bodies flow through in chunks, never buffered whole. The route sits
 * behind Quarkus's authentication, so only requests with a valid token get here; the token
 * itself is forwarded for the service to check again.
 */
@ApplicationScoped
public class ProxyRoutes {

    /** After authentication and authorization, before the gateway's own REST resources. */
    private static final int ROUTE_ORDER = 1_000;
    private static final String BACKEND = "berth.backend";

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    ApiBodyLimit apiBodyLimit;

    void install(@Observes Router router) {
        RouteTable routes = new RouteTable(config.services());
        // One client (and connection pool) per event-loop thread: a pooled connection then
        // always belongs to the thread that serves the incoming request, and no request wakes
        // another thread to write to the backend.
        ThreadLocal<HttpProxy> proxies = ThreadLocal.withInitial(() -> proxy(routes, 64));
        // agent channels hold their backend connection for as long as the host is connected, so
        // they get a pool of their own, sized for every host, apart from request traffic
        ThreadLocal<HttpProxy> agentChannels = ThreadLocal.withInitial(() ->
                proxy(routes, config.agentConnectionsPerEventLoop()));
        router.routeWithRegex("^/(api/[a-z][a-z0-9-]*/v1|v2)(/.*)?$").order(ROUTE_ORDER).handler(ctx -> {
            if (routes.backendFor(ctx.normalizedPath()).isPresent()) {
                ctx.request().headers().set("X-Forwarded-Host", String.valueOf(ctx.request().authority()));
                boolean agentChannel = ctx.normalizedPath().startsWith("/api/agent/");
                (agentChannel ? agentChannels : proxies).get().handle(ctx.request());
            } else {
                ctx.next();
            }
        });
    }

    private HttpProxy proxy(RouteTable routes, int maxConnections) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(maxConnections)
                .setConnectTimeout(2_000)
                .setKeepAlive(true));
        return HttpProxy.reverseProxy(client)
                .originSelector(request -> origin(routes, request))
                .addInterceptor(new ForwardingInterceptor());
    }

    private static Future<SocketAddress> origin(RouteTable routes, HttpServerRequest request) {
        return routes.backendFor(request.path())
                .map(uri -> Future.succeededFuture(SocketAddress.inetSocketAddress(port(uri), uri.getHost())))
                .orElseGet(() -> Future.failedFuture("no backend for " + request.path()));
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : 80;
    }

    /** Adds the trace context, forwarded-for headers, and a JSON 503 when the service is down. */
    private final class ForwardingInterceptor implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            var headers = context.request().headers();
            HttpServerRequest incoming = context.request().proxiedRequest();
            openTelemetry.getPropagators().getTextMapPropagator()
                    .inject(Context.current(), headers, (carrier, key, value) -> carrier.set(key, value));
            if (incoming.remoteAddress() != null) {
                headers.add("X-Forwarded-For", incoming.remoteAddress().hostAddress());
            }
            headers.set("X-Forwarded-Proto", incoming.scheme());
            if ("100-continue".equalsIgnoreCase(headers.get("Expect"))) {
                // the caller is authenticated and within its limits: let its body come; the body is
                // streamed on at once, so the service is not asked to confirm again
                headers.remove("Expect");
                incoming.response().writeContinue();
            }
            context.set(BACKEND, incoming.path());
            CappedReadStream limited = limitJsonBody(context, incoming);
            return context.sendRequest().recover(failure -> Future.succeededFuture(
                    limited != null && limited.exceeded() ? tooLarge(context, incoming) : serviceUnavailable(context)));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            // the gateway already answers with the request id; do not send it twice
            context.response().headers().remove(RequestIds.HEADER);
            return context.sendResponse();
        }

        /** API calls' bodies are counted on their way to the service (a declared length was checked already). */
        private CappedReadStream limitJsonBody(ProxyContext context, HttpServerRequest incoming) {
            Body body = context.request().getBody();
            if (body == null || !ApiBodyLimit.appliesTo(incoming.path())) {
                return null;
            }
            CappedReadStream limited = new CappedReadStream(body.stream(), apiBodyLimit.limit());
            context.request().setBody(Body.body(limited, body.length()));
            return limited;
        }

        private ProxyResponse tooLarge(ProxyContext context, HttpServerRequest incoming) {
            // the rest of the body is never read: the connection cannot carry another request
            incoming.response().putHeader("Connection", "close");
            ProxyResponse response = context.request().response()
                    .setStatusCode(413)
                    .setBody(Body.body(Buffer.buffer(Json.encode(
                            apiBodyLimit.error(context.request().headers().get(RequestIds.HEADER))))));
            response.headers().set("Content-Type", "application/json");
            return response;
        }

        private ProxyResponse serviceUnavailable(ProxyContext context) {
            String requestId = context.request().headers().get(RequestIds.HEADER);
            String path = context.get(BACKEND, String.class);
            ApiError error = new ApiError(ErrorCode.SERVICE_UNAVAILABLE.code(),
                    "The service behind " + path + " is not reachable; try again shortly.", requestId);
            ProxyResponse response = context.request().response()
                    .setStatusCode(ErrorCode.SERVICE_UNAVAILABLE.status())
                    .setBody(Body.body(Buffer.buffer(Json.encode(error))));
            response.headers().set("Content-Type", "application/json").set("Retry-After", "5");
            return response;
        }
    }
}
