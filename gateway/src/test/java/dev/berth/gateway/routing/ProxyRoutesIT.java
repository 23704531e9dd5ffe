package dev.berth.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
@QuarkusTestResource(EchoBackend.class)
class ProxyRoutesIT {

    @TestHTTPResource("/")
    URL base;

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void forwardsTokenTraceContextAndRequestId() {
        String token = Tokens.forDemoUser("acme-viewer");
        given().auth().oauth2(token)
                .header("traceparent", TRACEPARENT)
                .header("X-Request-Id", "proxy-test-1")
                .when().get("/api/registry/v1/repositories?maxResults=5")
                .then().statusCode(200)
                .header("X-Request-Id", "proxy-test-1")
                .body("uri", equalTo("/api/registry/v1/repositories?maxResults=5"))
                .body("authorization", equalTo("Bearer " + token))
                .body("traceparent", equalTo(TRACEPARENT))
                .body("requestId", equalTo("proxy-test-1"))
                .body("forwardedFor", equalTo("127.0.0.1"));
    }

    @Test
    void givesEveryRequestAnIdWhenTheClientSentNone() {
        given().auth().oauth2(Tokens.forDemoUser("acme-viewer"))
                .when().get("/v2/")
                .then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .body("requestId", notNullValue());
    }

    @Test
    void streamsALargeUploadToTheService() throws Exception {
        byte[] body = new byte[24 * 1024 * 1024];
        new Random(7).nextBytes(body);
        given().auth().oauth2(Tokens.forDemoUser("acme-deployer"))
                .contentType("application/octet-stream").body(body)
                .when().put("/v2/acme/app/blobs/uploads/1")
                .then().statusCode(200)
                .body("method", equalTo("PUT"))
                .body("bytes", equalTo(body.length))
                .body("sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))));
    }

    @Test
    void tellsAClientThatExpects100ContinueToSendItsBody() throws Exception {
        byte[] body = "a chunk of a layer".getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH /v2/acme/app/blobs/uploads/2 HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + Tokens.forDemoUser("acme-deployer") + "\r\n"
                    + "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 100 Continue", in.readLine()); // the service behind does not send one
            assertEquals("", in.readLine());
            out.write(body);
            out.flush();
            assertEquals("HTTP/1.1 200 OK", in.readLine());
        }
    }

    @Test
    void streamsALargeDownloadFromTheService() throws Exception {
        InputStream in = given().auth().oauth2(Tokens.forDemoUser("acme-viewer"))
                .when().get("/v2/acme/app/blobs/download")
                .then().statusCode(200).extract().asInputStream();
        long total = 0;
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
        }
        assertEquals((long) EchoBackend.DOWNLOAD_CHUNKS * EchoBackend.CHUNK_SIZE, total);
    }

    @Test
    void rejectsRequestsWithoutTokenBeforeTheyReachTheService() {
        given().when().get("/api/registry/v1/repositories").then()
                .statusCode(401)
                .body("code", equalTo("MissingAuthenticationTokenException"));
        given().when().get("/v2/").then().statusCode(401);
    }

    @Test
    void answersJson503WhenTheServiceIsDown() {
        given().auth().oauth2(Tokens.forDemoUser("acme-viewer"))
                .when().get("/api/scheduler/v1/clusters")
                .then().statusCode(503)
                .header("Retry-After", "5")
                .body("code", equalTo("ServiceUnavailableException"))
                .body("requestId", notNullValue());
    }

    @Test
    void unknownServicesAreNotFound() {
        given().auth().oauth2(Tokens.forDemoUser("acme-viewer"))
                .when().get("/api/nothing/v1/things")
                .then().statusCode(404)
                .body("code", equalTo("ResourceNotFoundException"));
    }
}
