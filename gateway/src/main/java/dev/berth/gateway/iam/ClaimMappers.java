package dev.berth.gateway.iam;

import java.util.Map;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/** Protocol mappers the platform puts on the clients it creates. */
public final class ClaimMappers {

    public static final String AUDIENCE = "berth";

    private ClaimMappers() {
    }

    /** A fixed claim in every access token of the client, e.g. {@code tenant=acme} on a service account. */
    public static ProtocolMapperRepresentation fixed(String claim, String value) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(claim);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-hardcoded-claim-mapper");
        mapper.setConfig(Map.of("claim.name", claim, "claim.value", value, "jsonType.label", "String",
                "access.token.claim", "true", "id.token.claim", "false", "introspection.token.claim", "true"));
        return mapper;
    }

    /** The audience every Berth service requires ({@code quarkus.oidc.token.audience}). */
    public static ProtocolMapperRepresentation berthAudience() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("audience");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of("included.custom.audience", AUDIENCE, "access.token.claim", "true",
                "id.token.claim", "false", "introspection.token.claim", "true"));
        return mapper;
    }
}
