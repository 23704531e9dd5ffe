package dev.berth.common.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Claims of a decoded token as plain maps, the way they look in the JSON. */
record MapClaims(Map<String, Object> claims) implements ClaimSource {

    @Override
    public Optional<String> string(String claim) {
        return Optional.ofNullable(claims.get(claim)).map(String::valueOf);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> strings(String... path) {
        Object value = claims.get(path[0]);
        if (path.length == 2 && value instanceof Map<?, ?> nested) {
            value = nested.get(path[1]);
        }
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }
}
