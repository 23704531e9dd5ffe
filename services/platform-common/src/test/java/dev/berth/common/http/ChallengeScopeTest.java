package dev.berth.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.http.HttpMethod;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scope a distribution call needs, as its challenge names it. */
class ChallengeScopeTest {

    @Test
    void readsTheRepositoryAndTheActionsFromTheCall() {
        assertEquals(Optional.of("repository:acme/app:pull"),
                ChallengeScope.scopeOf(HttpMethod.HEAD, "/v2/acme/app/blobs/sha256:abc", null, null));
        assertEquals(Optional.of("repository:acme/blobs/app:pull"),
                ChallengeScope.scopeOf(HttpMethod.GET, "/v2/acme/blobs/app/tags/list", null, null));
        assertEquals(Optional.of("repository:acme/app:pull,push"),
                ChallengeScope.scopeOf(HttpMethod.PUT, "/v2/acme/app/manifests/latest", null, null));
        assertEquals(Optional.of("repository:acme/app:delete"),
                ChallengeScope.scopeOf(HttpMethod.DELETE, "/v2/acme/app/manifests/sha256:abc", null, null));
        assertEquals(Optional.of("repository:acme/app:pull,push repository:acme/base:pull"),
                ChallengeScope.scopeOf(HttpMethod.POST, "/v2/acme/app/blobs/uploads/", "sha256:abc", "acme/base"));
    }

    @Test
    void namesNoScopeForTheBaseEndpointOrWhatCouldBreakTheHeader() {
        assertEquals(Optional.empty(), ChallengeScope.scopeOf(HttpMethod.GET, "/v2/", null, null));
        assertEquals(Optional.empty(), ChallengeScope.scopeOf(HttpMethod.GET, "/v2/blobs/x", null, null));
        assertEquals(Optional.empty(),
                ChallengeScope.scopeOf(HttpMethod.GET, "/v2/acme/a%22,realm=%22evil/manifests/x", null, null));
        assertEquals(Optional.of("repository:acme/app:pull,push"),
                ChallengeScope.scopeOf(HttpMethod.POST, "/v2/acme/app/blobs/uploads/", "sha256:abc", "x\",realm=\"evil"));
    }
}
