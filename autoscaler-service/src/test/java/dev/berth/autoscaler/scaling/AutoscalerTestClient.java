package dev.berth.autoscaler.scaling;

import static io.restassured.RestAssured.given;

import dev.berth.testsupport.Tokens;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Calls to the autoscaler's API as one of the demo users. */
public final class AutoscalerTestClient {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private AutoscalerTestClient() {
    }

    public static RequestSpecification as(String user) {
        String token = TOKENS.computeIfAbsent(user, Tokens::forDemoUser);
        return given().auth().oauth2(token).contentType("application/json");
    }
}
