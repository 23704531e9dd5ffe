package dev.berth.gateway.iam;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * Creates the confidential Keycloak clients the platform hands out (service accounts of CI
 * pipelines, hosts, running tasks): client credentials only, fixed claims, at most one realm role
 * on the client's service-account user.
 */
public final class ConfidentialClients {

    /** What the new client's owner needs, once. */
    public record Credentials(String clientId, String secret) {
    }

    private ConfidentialClients() {
    }

    public static Credentials create(RealmResource realm, String clientId, String displayName,
                                     Map<String, String> attributes, List<ProtocolMapperRepresentation> fixedClaims,
                                     String realmRole) {
        return create(realm, clientId, displayName, attributes, fixedClaims, realmRole, null);
    }

    /**
     * @param realmRole           null for none
     * @param defaultClientScopes the client scopes of every token, null for the realm's defaults
     */
    public static Credentials create(RealmResource realm, String clientId, String displayName,
                                     Map<String, String> attributes, List<ProtocolMapperRepresentation> fixedClaims,
                                     String realmRole, List<String> defaultClientScopes) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(displayName);
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setAttributes(attributes);
        List<ProtocolMapperRepresentation> mappers = new ArrayList<>(fixedClaims);
        mappers.add(ClaimMappers.berthAudience());
        client.setProtocolMappers(mappers);
        if (defaultClientScopes != null) {
            client.setDefaultClientScopes(defaultClientScopes);
            client.setOptionalClientScopes(List.of());
        }
        try (Response response = realm.clients().create(client)) {
            if (response.getStatus() == 409) {
                throw new ApiException(ErrorCode.ENTITY_ALREADY_EXISTS, clientId + " exists.");
            }
            if (response.getStatus() != 201) {
                throw new ApiException(ErrorCode.IDENTITY_PROVIDER,
                        "Keycloak refused to create " + clientId + " (HTTP " + response.getStatus() + ").");
            }
        }
        var created = realm.clients().get(realm.clients().findByClientId(clientId).get(0).getId());
        if (realmRole != null) {
            var role = realm.roles().get(realmRole).toRepresentation();
            realm.users().get(created.getServiceAccountUser().getId()).roles().realmLevel().add(List.of(role));
        }
        return new Credentials(clientId, created.getSecret().getValue());
    }
}
