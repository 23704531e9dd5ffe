package dev.berth.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.common.http.DeclaredLengthLimit;
import dev.berth.gateway.limits.ApiBodyLimit;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body within the gateway's limit but over the service's: the service's 413 reaches the
 * caller through the gateway's proxy (it was a 503). The service is a Vert.x router with what
 * every Berth service has in front of Quarkus's own check ({@link DeclaredLengthLimit}), then a
 * check that does what Quarkus's does (an empty 413, the connection closed at once); the
 * gateway is the real proxy route.
 */
class ServiceBodyLimitTest {

    private static final int SERVICE_LIMIT = 256 * 1024;

    private Vertx vertx;
    private int gatewayPort;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router service = Router.router(vertx);
        service.route().order(-3).handler(new DeclaredLengthLimit(SERVICE_LIMIT, "quarkus.http.limits.max-body-size"));
        service.route().order(-2).handler(ServiceBodyLimitTest::quarkusUploadLimit);
        service.route().handler(ctx -> ctx.request().body().onSuccess(body -> ctx.response()
                .putHeader("Content-Type", "application/json").end(new JsonObject().put("bytes", body.length()).encode())));
        int servicePort = listen(service);

        ProxyRoutes proxy = new ProxyRoutes();
        proxy.vertx = vertx;
        proxy.config = config(Map.of("scheduler", URI.create("http://127.0.0.1:" + servicePort)));
        proxy.openTelemetry = OpenTelemetry.noop();
        proxy.apiBodyLimit = apiBodyLimit(proxy.config);
        Router gateway = Router.router(vertx);
        proxy.install(gateway);
        gatewayPort = listen(gateway);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theServicesAnswerPassesThrough() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            String[] answer = post(2 * SERVICE_LIMIT);
            assertEquals("413", answer[0], answer[1]);
            JsonObject error = new JsonObject(answer[1]);
            assertEquals("RequestEntityTooLargeException", error.getString("code"));
            assertTrue(error.getString("message").contains(SERVICE_LIMIT + " bytes"), answer[1]);
        }
    }

    @Test
    void aBodyWithinBothLimitsArrives() throws Exception {
        String[] answer = post(SERVICE_LIMIT);
        assertEquals("200", answer[0], answer[1]);
        assertEquals(SERVICE_LIMIT, new JsonObject(answer[1]).getInteger("bytes"));
    }

    private String[] post(int size) throws Exception {
        HttpClient client = vertx.createHttpClient();
        return client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(gatewayPort)
                        .setURI("/api/scheduler/v1/clusters/prod/services").putHeader("Content-Type", "application/json"))
                .compose(request -> request.send(Buffer.buffer(new byte[size])))
                .compose(response -> response.body().map(body -> new String[] {
                        String.valueOf(response.statusCode()), body.toString()}))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** What Quarkus's upload limit does with a declared length over it. */
    private static void quarkusUploadLimit(io.vertx.ext.web.RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader("Content-Length");
        if (length != null && Long.parseLong(length) > SERVICE_LIMIT) {
            ctx.response().headers().add("Connection", "close");
            ctx.response().setStatusCode(413);
            ctx.response().endHandler(done -> request.connection().close());
            ctx.response().end();
            return;
        }
        ctx.next();
    }

    private int listen(Router router) throws Exception {
        return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    private static GatewayConfig config(Map<String, URI> services) {
        return new GatewayConfig() {
            public Map<String, URI> services() {
                return services;
            }

            public int agentConnectionsPerEventLoop() {
                return 16;
            }

            public MemorySize maxJsonBodySize() {
                return new MemorySize(BigInteger.valueOf(1024 * 1024));
            }

            public URI publicUrl() {
                return URI.create("http://127.0.0.1");
            }

            public OpenApi openapi() {
                return null;
            }
        };
    }

    private static ApiBodyLimit apiBodyLimit(GatewayConfig config) throws Exception {
        ApiBodyLimit limit = new ApiBodyLimit();
        Field field = ApiBodyLimit.class.getDeclaredField("config");
        field.setAccessible(true);
        field.set(limit, config);
        Method create = ApiBodyLimit.class.getDeclaredMethod("create");
        create.setAccessible(true);
        create.invoke(limit);
        return limit;
    }
}
