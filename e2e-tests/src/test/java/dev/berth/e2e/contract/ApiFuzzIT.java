package dev.berth.e2e.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.LocalPlatform;
import dev.berth.testsupport.Tokens;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Malformed and boundary input for every operation of the merged OpenAPI document, sent through
 * the gateway with a real token of a tenant admin: no answer is a 5xx, every 4xx is the one error
 * shape (a 400 names its field), and a refused change leaves the collection it targets as it was.
 */
class ApiFuzzIT {

    /** Not fuzzed: the live tail holds its answer open until the token expires. */
    private static final Set<String> SKIPPED = Set.of("StartLiveTail");
    private static final Set<String> CHANGING = Set.of("post", "put", "delete", "patch");
    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 30_000).setParam("http.connection.timeout", 5_000));
    private static final Pattern IDENTITY = Pattern.compile("(?i).*(arn|name|id)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OpenApiDocument api;

    @BeforeContainer
    static void platformIsUp() {
        LocalPlatform.ensureWholePlatform();
        api = OpenApiDocument.fetch();
    }

    @Property(tries = 1500, shrinking = ShrinkingMode.OFF)
    void noInputBreaksAServiceOrIsHalfWritten(@ForAll("calls") FuzzCall call) {
        String collection = CHANGING.contains(call.operation().method()) ? collectionOf(call) : null;
        String before = collection == null ? null : snapshot(collection);

        Response answer = send(call);

        int status = answer.statusCode();
        assertTrue(status < 500, () -> "answered " + status + " " + answer.asString() + " to " + call.describe());
        if (status >= 400) {
            JsonPath error = errorBody(answer, call);
            assertNotNull(error.getString("code"), () -> "no code in " + answer.asString() + " for " + call.describe());
            assertNotNull(error.getString("message"), () -> "no message in " + answer.asString() + " for " + call.describe());
            if (status == 400) {
                assertNotNull(error.getString("field"), () -> "a 400 that names no field: " + answer.asString()
                        + " for " + call.describe());
            }
            if (before != null) {
                assertEquals(before, snapshot(collection), () -> "a refused call changed " + collection + ": " + call.describe());
            }
        }
    }

    @Provide
    Arbitrary<FuzzCall> calls() {
        return Arbitraries.of(api.operations().stream().filter(op -> op.id() == null || !SKIPPED.contains(op.id())).toList())
                .flatMap(operation -> FuzzCall.of(api, operation));
    }

    private static Response send(FuzzCall call) {
        RequestSpecification request = admin().contentType("application/json");
        if (call.body() != null) {
            request = request.body(call.body());
        }
        return request.request(call.operation().method().toUpperCase(), call.path());
    }

    private static JsonPath errorBody(Response answer, FuzzCall call) {
        String type = answer.contentType();
        assertTrue(type != null && type.startsWith("application/json"),
                () -> "a " + answer.statusCode() + " in " + type + ": " + answer.asString() + " for " + call.describe());
        return answer.jsonPath();
    }

    /** The list a change of this call would show in: the GET of the same path, when it has no parameters. */
    private static String collectionOf(FuzzCall call) {
        String path = call.operation().path();
        boolean listed = !path.contains("{") && api.operations().stream()
                .anyMatch(op -> op.method().equals("get") && op.path().equals(path));
        return listed ? path : null;
    }

    /**
     * What the collection holds, by the names, ARNs and ids it lists (counters such as a log
     * group's stored bytes move on their own: the audit trail records every refused call), or
     * null when it cannot be listed without parameters.
     */
    private static String snapshot(String collection) {
        Response list = admin().get(collection);
        if (list.statusCode() != 200) {
            return null;
        }
        try {
            List<String> identities = new ArrayList<>();
            collectIdentities(JSON.readTree(list.asString()), "", identities);
            Collections.sort(identities);
            return String.join("\n", identities);
        } catch (Exception e) {
            return list.asString();
        }
    }

    private static void collectIdentities(JsonNode node, String key, List<String> into) {
        if (node.isTextual() && IDENTITY.matcher(key).matches()) {
            into.add(key + "=" + node.asText());
        }
        node.properties().forEach(field -> collectIdentities(field.getValue(), field.getKey(), into));
        if (node.isArray()) {
            node.forEach(element -> collectIdentities(element, key, into));
        }
    }

    private static RequestSpecification admin() {
        return given().baseUri(OpenApiDocument.GATEWAY).config(TIMEOUTS).urlEncodingEnabled(false)
                .auth().oauth2(Tokens.forDemoUser("globex-admin"));
    }
}
