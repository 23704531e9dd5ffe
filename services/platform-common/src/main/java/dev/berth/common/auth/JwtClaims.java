package dev.berth.common.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@link ClaimSource} over a token Quarkus has already validated. */
public final class JwtClaims implements ClaimSource {

    private final JsonWebToken token;

    private JwtClaims(JsonWebToken token) {
        this.token = token;
    }

    /** Where an authenticated identity keeps its principal, read from the token once. */
    public static final String IDENTITY_ATTRIBUTE = "berth.principal";

    /** The principal of a token Quarkus has validated. */
    public static Principal principalOf(JsonWebToken token) {
        return Principals.from(new JwtClaims(token));
    }

    /**
     * The principal of an authenticated identity: the one stored when its token was verified,
     * else read from the token now (claim lookups on a validated token are not free). Empty
     * for an anonymous caller.
     */
    public static Optional<Principal> principalOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getAttribute(IDENTITY_ATTRIBUTE) instanceof Principal stored) {
            return Optional.of(stored);
        }
        return identity.getPrincipal() instanceof JsonWebToken token ? Optional.of(principalOf(token)) : Optional.empty();
    }

    @Override
    public Optional<String> string(String claim) {
        Object value = token.getClaim(claim);
        if (value instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        return Optional.ofNullable(value).map(String::valueOf);
    }

    @Override
    public List<String> strings(String... path) {
        Object value = token.getClaim(path[0]);
        if (path.length == 2 && value instanceof JsonObject object) {
            value = object.get(path[1]);
        }
        if (value instanceof JsonArray array) {
            return array.stream()
                    .filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                    .map(v -> ((JsonString) v).getString())
                    .toList();
        }
        return List.of();
    }
}
