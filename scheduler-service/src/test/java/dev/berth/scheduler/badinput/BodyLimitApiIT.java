package dev.berth.scheduler.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.Test;

/**
 * A 20 MB body, twice the service's own limit (quarkus.http.limits.max-body-size, 10 MiB), sent
 * on while the service answers: the answer is the JSON 413 naming the limit, and it arrives
 * (closing on the unread body reset the connection, and a proxy in front answered 503).
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class BodyLimitApiIT {

    private static final int SIZE = 20 * 1024 * 1024;

    @TestHTTPResource("/")
    URL base;

    @Test
    void theServicesBodyLimitIsAnsweredInJson() throws Exception {
        String answer = post("/api/scheduler/v1/clusters", SIZE);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        JsonNode error = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals("RequestEntityTooLargeException", error.path("code").asText(), answer);
        assertTrue(error.path("message").asText().contains("quarkus.http.limits.max-body-size"), answer);
    }

    /** Whether the answer's head and as much body as it declares have arrived. */
    private static boolean complete(ByteArrayOutputStream received) {
        String text = received.toString(StandardCharsets.UTF_8);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        String head = text.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
        int at = head.indexOf("content-length: ");
        if (at < 0) {
            return false;
        }
        int end = head.indexOf("\r\n", at);
        int length = Integer.parseInt(head.substring(at + 16, end < 0 ? head.length() : end).trim());
        return text.substring(headEnd + 4).getBytes(StandardCharsets.UTF_8).length >= length;
    }

    /** Sends the whole body whatever comes back meanwhile, then reads the answer. */
    private String post(String path, int size) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + Tokens.forDemoUser("acme-admin") + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + size + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int sent = 0; sent < size; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, size - sent));
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; !complete(received) && (n = in.read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                // what arrived before is the answer
            } catch (java.net.SocketTimeoutException timeout) {
                return "timed out after: " + received.toString(StandardCharsets.UTF_8);
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
