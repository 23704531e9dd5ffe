package dev.berth.gateway.registrytoken;

import dev.berth.gateway.db.Jdbc;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The grants of tokens that {@code /v2/token} handed out for a login, in the gateway's schema
 * (so every gateway replica sees a grant before its token reaches anyone). A token is looked
 * up once per replica and remembered until it expires: a grant never changes, and a token
 * without one never gets one, since it is written before the token is handed out.
 */
@ApplicationScoped
public class RegistryGrants {

    private static final int CACHE_ENTRIES = 10_000;

    private record Known(Optional<GrantedScope> scope, Instant until) {
    }

    @Inject
    Jdbc jdbc;

    @Inject
    Vertx vertx;

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** Records what the token may do; blocking, call before handing the token out. */
    public void record(String token, String subject, Instant expiresAt, GrantedScope scope) {
        String[] grants = scope.grants().stream().sorted().toArray(String[]::new);
        jdbc.update("DELETE FROM registry_grant WHERE token_sha256 IN "
                + "(SELECT token_sha256 FROM registry_grant WHERE expires_at < now() LIMIT 100)", ps -> { });
        jdbc.update("INSERT INTO registry_grant (token_sha256, subject, grants, expires_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (token_sha256) DO NOTHING", ps -> {
                    ps.setString(1, sha256(token));
                    ps.setString(2, subject);
                    ps.setArray(3, ps.getConnection().createArrayOf("text", grants));
                    ps.setTimestamp(4, Timestamp.from(expiresAt));
                });
    }

    /** The token's grant, if {@code /v2/token} handed it out for a login; blocking. */
    public Optional<GrantedScope> lookupNow(String token) {
        String key = sha256(token);
        Known cached = known.get(key);
        if (cached != null && cached.until().isAfter(Instant.now())) {
            return cached.scope();
        }
        Optional<GrantedScope> scope = jdbc.one("SELECT grants FROM registry_grant WHERE token_sha256 = ?",
                ps -> ps.setString(1, key), rs -> {
                    Array array = rs.getArray(1);
                    return new GrantedScope(new HashSet<>(Arrays.asList((String[]) array.getArray())));
                });
        remember(key, scope);
        return scope;
    }

    /** {@link #lookupNow} off the event loop when the answer is not remembered yet. */
    public Future<Optional<GrantedScope>> lookup(String token) {
        Known cached = known.get(sha256(token));
        if (cached != null && cached.until().isAfter(Instant.now())) {
            return Future.succeededFuture(cached.scope());
        }
        return vertx.executeBlocking(() -> lookupNow(token), false);
    }

    private void remember(String key, Optional<GrantedScope> scope) {
        if (known.size() >= CACHE_ENTRIES) {
            Instant now = Instant.now();
            known.values().removeIf(k -> !k.until().isAfter(now));
            if (known.size() >= CACHE_ENTRIES) {
                known.clear();
            }
        }
        // a token is verified elsewhere; remembering its grant for 5 minutes bounds how long a row is trusted from memory
        known.put(key, new Known(scope, Instant.now().plusSeconds(300)));
    }

    static String sha256(String token) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Grant entries for the token endpoint's answer. */
    static GrantedScope of(List<RegistryToken.Grant> access) {
        HashSet<String> grants = new HashSet<>();
        for (RegistryToken.Grant grant : access) {
            if (grant.type().equals("repository")) {
                for (String action : grant.actions()) {
                    if (action.equals("*")) {
                        List.of("pull", "push", "delete").forEach(each -> grants.add(grant.name() + ":" + each));
                    } else {
                        grants.add(grant.name() + ":" + action);
                    }
                }
            }
        }
        return new GrantedScope(grants);
    }
}
