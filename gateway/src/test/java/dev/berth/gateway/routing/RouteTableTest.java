package dev.berth.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable routes = new RouteTable(Map.of(
            "registry", URI.create("http://127.0.0.1:8081"),
            "scheduler", URI.create("http://127.0.0.1:8082")));

    @Test
    void routesManagementApisByServiceName() {
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8082")), routes.backendFor("/api/scheduler/v1/clusters/a/tasks"));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8081")), routes.backendFor("/api/registry/v1"));
    }

    @Test
    void routesTheOciApiToTheRegistry() {
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8081")), routes.backendFor("/v2/"));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8081")), routes.backendFor("/v2/acme/app/manifests/latest"));
    }

    @Test
    void routesTheAgentChannelToTheScheduler() {
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8082")), routes.backendFor("/api/agent/v1/connect"));
    }

    @Test
    void leavesEverythingElseToTheGatewayItself() {
        assertTrue(routes.backendFor("/api/iam/v1/users").isEmpty());
        assertTrue(routes.backendFor("/api/unknown/v1/x").isEmpty());
        assertTrue(routes.backendFor("/api/registry/v2/x").isEmpty());
        assertTrue(routes.backendFor("/v20/x").isEmpty());
        assertTrue(routes.backendFor("/q/health").isEmpty());
    }
}
