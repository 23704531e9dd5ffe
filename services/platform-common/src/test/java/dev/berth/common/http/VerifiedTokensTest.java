package dev.berth.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static SecurityIdentity identityOf(Principal principal) {
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).build();
    }

    private static JsonWebToken jwtExpiringAt(Instant exp) {
        Map<String, Object> claims = Map.of("sub", "alice", "exp", exp.getEpochSecond());
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "alice";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        SecurityIdentity identity = identityOf(jwtExpiringAt(Instant.now().plusSeconds(60)));
        tokens.put("t1", identity);
        assertEquals(Optional.of(identity), tokens.get("t1"));
        assertTrue(tokens.get("t2").isEmpty(), "only the exact token is known");
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromTheCache() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.put("old", identityOf(jwtExpiringAt(Instant.now().minusSeconds(1))));
        assertTrue(tokens.get("old").isEmpty());
    }

    @Test
    void identitiesWithoutAJwtExpiryAreNotKept() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.put("plain", identityOf(new QuarkusPrincipal("bob")));
        assertTrue(tokens.get("plain").isEmpty());
    }
}
