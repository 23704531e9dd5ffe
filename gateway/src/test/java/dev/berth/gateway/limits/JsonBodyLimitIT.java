package dev.berth.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.gateway.routing.EchoBackend;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** API calls' bodies are held to 1 MiB, whether their length is declared or they come in chunks; layers are not. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
@QuarkusTestResource(EchoBackend.class)
class JsonBodyLimitIT {

    private static final int LIMIT = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Test
    void refusesADeclaredLengthOverTheLimitBeforeProxying() {
        given().auth().oauth2(Tokens.forDemoUser("acme-deployer"))
                .contentType("application/json").body(json(LIMIT + 1))
                .when().post("/api/registry/v1/repositories")
                .then().statusCode(413)
                .body("code", equalTo("RequestEntityTooLargeException"))
                .body("message", containsString("1048576 bytes"))
                .body("message", containsString("berth.gateway.max-json-body-size"));
    }

    @Test
    void passesABodyWithinTheLimit() {
        given().auth().oauth2(Tokens.forDemoUser("acme-deployer"))
                .contentType("application/json").body(json(LIMIT))
                .when().post("/api/registry/v1/repositories")
                .then().statusCode(200)
                .body("bytes", equalTo(LIMIT));
    }

    @Test
    void cutsOffAChunkedBodyOnItsWayToAService() throws Exception {
        Answer answer = chunked("/api/registry/v1/repositories", 2 * LIMIT);
        assertEquals(413, answer.status(), answer.body());
        JsonNode error = JSON.readTree(answer.body());
        assertEquals("RequestEntityTooLargeException", error.path("code").asText());
        assertTrue(error.path("message").asText().contains("1048576 bytes"), answer.body());
    }

    @Test
    void cutsOffAChunkedBodyToTheGatewaysOwnApi() throws Exception {
        Answer answer = chunked("/api/iam/v1/task-roles", 2 * LIMIT);
        assertEquals(413, answer.status(), answer.body());
        JsonNode error = JSON.readTree(answer.body());
        assertEquals("RequestEntityTooLargeException", error.path("code").asText(), answer.body());
        assertTrue(error.path("message").asText().contains("1048576 bytes"), answer.body());
    }

    @Test
    void takesAChunkedBodyWithinTheLimitOnTheGatewaysOwnApi() {
        String name = "chunked-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        byte[] body = ("{\"name\":\"" + name + "\",\"scopes\":[\"api:read\"]}").getBytes(StandardCharsets.UTF_8);
        // an InputStream body has no declared length: it is sent chunked
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(new java.io.ByteArrayInputStream(body))
                .when().post("/api/iam/v1/task-roles")
                .then().statusCode(201).body("name", equalTo(name));
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when().delete("/api/iam/v1/task-roles/" + name)
                .then().statusCode(204);
    }

    @Test
    void refusesAnOversizedBodyToTheGatewaysOwnApi() {
        given().auth().oauth2(Tokens.forDemoUser("acme-admin"))
                .contentType("application/json").body(json(LIMIT + 1))
                .when().post("/api/iam/v1/task-roles")
                .then().statusCode(413)
                .body("code", equalTo("RequestEntityTooLargeException"));
    }

    /** A JSON document of exactly {@code size} bytes. */
    private static byte[] json(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] head = "{\"repositoryName\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    private record Answer(int status, String body) {
    }

    /** Sends {@code size} bytes of JSON in 64 KiB chunks and reads the answer, which may come before the body is done. */
    private Answer chunked(String path, int size) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + Tokens.forDemoUser("acme-admin") + "\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] body = json(size);
            try {
                for (int offset = 0; offset < size; offset += 65536) {
                    int n = Math.min(65536, size - offset);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, offset, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (SocketException closedByTheGateway) {
                // the gateway answered and closed the connection before the whole body was sent
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
                String text = received.toString(StandardCharsets.UTF_8);
                int headEnd = text.indexOf("\r\n\r\n");
                if (headEnd > 0 && complete(text, headEnd)) {
                    break;
                }
            }
        } catch (SocketException reset) {
            // the answer so far is what there is
        }
        String text = received.toString(StandardCharsets.UTF_8);
        int headEnd = text.indexOf("\r\n\r\n");
        int status = Integer.parseInt(text.substring(9, 12));
        String body = headEnd < 0 ? "" : text.substring(headEnd + 4);
        if (text.substring(0, Math.max(0, headEnd)).toLowerCase().contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Answer(status, body);
    }

    private static boolean complete(String text, int headEnd) {
        String head = text.substring(0, headEnd).toLowerCase();
        String body = text.substring(headEnd + 4);
        int at = head.indexOf("content-length: ");
        if (at >= 0) {
            int end = head.indexOf("\r\n", at);
            int length = Integer.parseInt(head.substring(at + 16, end < 0 ? head.length() : end).trim());
            return body.getBytes(StandardCharsets.UTF_8).length >= length;
        }
        return body.endsWith("0\r\n\r\n");
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int length = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (length == 0) {
                break;
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + length);
            at = lineEnd + 2 + length + 2;
        }
        return out.toString();
    }
}
