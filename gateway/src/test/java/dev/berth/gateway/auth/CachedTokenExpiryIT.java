package dev.berth.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.gateway.iam.ClaimMappers;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;

/** A token that was accepted (and so remembered as verified) is refused once it expires. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class CachedTokenExpiryIT {

    @Inject
    Keycloak keycloak;

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() throws Exception {
        String clientId = "expiry-test-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setSecret(secret);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setAttributes(Map.of("access.token.lifespan", "2"));
        client.setProtocolMappers(List.of(ClaimMappers.berthAudience()));
        var clients = keycloak.realm("berth").clients();
        try (Response created = clients.create(client)) {
            assertEquals(201, created.getStatus());
        }
        try {
            String token = Tokens.clientCredentials(clientId, secret);
            given().auth().oauth2(token).when().get("/api/gateway/v1/caller").then()
                    .statusCode(200).body("username", equalTo(clientId));
            given().auth().oauth2(token).when().get("/api/gateway/v1/caller").then().statusCode(200);
            Thread.sleep(3_500);
            given().auth().oauth2(token).when().get("/api/gateway/v1/caller").then()
                    .statusCode(401).body("code", equalTo("UnrecognizedClientException"));
        } finally {
            clients.get(clients.findByClientId(clientId).get(0).getId()).remove();
        }
    }
}
