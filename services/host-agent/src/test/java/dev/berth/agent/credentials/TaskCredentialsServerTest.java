package dev.berth.agent.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint listens on the address it is given only, answers a task's path only with that
 * task's own key, and its key is the agent's own. The platform behind it is a closed port here:
 * a request that passed the checks answers 503.
 */
class TaskCredentialsServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();
    private static final URI NO_PLATFORM = URI.create("http://127.0.0.1:1");

    @TempDir
    Path state;

    @AfterAll
    static void stopTimer() {
        TIMER.shutdownNow();
    }

    private TaskCredentialsServer server(InetAddress address) throws Exception {
        return new TaskCredentialsServer(address, 0, NO_PLATFORM, () -> "host-token", EndpointKey.load(state), TIMER);
    }

    private static HttpResponse<String> get(String uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTasksPathAnswersOnlyWithThatTasksOwnKey() throws Exception {
        try (TaskCredentialsServer server = server(InetAddress.getLoopbackAddress())) {
            TaskCredentialsServer.TaskEndpoint one = server.register("task-1");
            TaskCredentialsServer.TaskEndpoint two = server.register("task-2");
            assertNotEquals(one.authorization(), two.authorization());

            assertEquals(401, get(one.uri(), null).statusCode());
            assertEquals(401, get(one.uri(), "wrong").statusCode());
            assertEquals(401, get(one.uri(), two.authorization()).statusCode(), "another task's key opens nothing");
            assertEquals(503, get(one.uri(), one.authorization()).statusCode(), "let through to the platform");
            assertEquals(404, get(one.uri().replaceAll("/v1/credentials/.*", "/v1/credentials/" + "0".repeat(64)),
                    one.authorization()).statusCode());

            server.forget("task-1");
            assertEquals(404, get(one.uri(), one.authorization()).statusCode());
        }
    }

    @Test
    void itListensOnlyOnTheAddressItIsGiven() throws Exception {
        InetAddress other = InetAddress.getByName("127.0.0.2");
        try (TaskCredentialsServer server = server(other)) {
            TaskCredentialsServer.TaskEndpoint endpoint = server.register("task-1");
            assertTrue(endpoint.uri().startsWith("http://127.0.0.2:" + server.port() + "/"), endpoint.uri());
            assertEquals(401, get(endpoint.uri(), null).statusCode());
            String onLoopback = endpoint.uri().replace("127.0.0.2", "127.0.0.1");
            assertThrows(ConnectException.class, () -> get(onLoopback, endpoint.authorization()));
        }
    }

    @Test
    void anAddressNotYetOnTheHostIsListenedOnOnceItIs() throws Exception {
        try (TaskCredentialsServer server = server(InetAddress.getByName("192.0.2.254"))) {
            assertFalse(server.listening(), "the container network's bridge does not exist yet");
            assertTrue(server.register("task-1").uri().startsWith("http://192.0.2.254:" + server.port() + "/"));
        }
    }

    @Test
    void theKeyIsTheAgentsOwnAndSurvivesARestart() throws Exception {
        TaskCredentialsServer.TaskEndpoint before;
        try (TaskCredentialsServer server = server(InetAddress.getLoopbackAddress())) {
            before = server.register("task-1");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(state.resolve("credentials-endpoint.key"))));
        try (TaskCredentialsServer restarted = server(InetAddress.getLoopbackAddress())) {
            TaskCredentialsServer.TaskEndpoint after = restarted.register("task-1");
            assertEquals(before.authorization(), after.authorization());
            assertEquals(before.uri().replaceAll("^http://[^/]*", ""), after.uri().replaceAll("^http://[^/]*", ""));
            assertEquals(503, get(after.uri(), before.authorization()).statusCode());
        }
        assertEquals(32, Files.readAllBytes(state.resolve("credentials-endpoint.key")).length);
    }
}
