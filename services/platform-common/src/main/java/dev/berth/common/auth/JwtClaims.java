package dev.berth.common.auth;

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

    /** The principal of a token Quarkus has validated. */
    public static Principal principalOf(JsonWebToken token) {
        return Principals.from(new JwtClaims(token));
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
