package dev.berth.common.auth;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.quarkus.security.identity.SecurityIdentity;

/** The principal of the current request, read once from its validated token. */
@RequestScoped
public class CurrentPrincipal {

    @Inject
    SecurityIdentity identity;

    private Principal principal;

    public Principal get() {
        if (principal == null) {
            principal = JwtClaims.principalOf(identity).orElseThrow(() -> new ApiException(
                    ErrorCode.MISSING_TOKEN, "This call needs a bearer token."));
        }
        return principal;
    }

    /** The caller's tenant; a token without one may not touch tenant resources at all. */
    public String tenant() {
        return get().tenant().orElseThrow(() -> new ApiException(ErrorCode.ACCESS_DENIED,
                "The token carries no tenant."));
    }

    /** Fails with 403 unless the caller may do {@code action} in its tenant. */
    public void require(Action action) {
        if (!AccessPolicy.allows(get(), action)) {
            throw new ApiException(ErrorCode.ACCESS_DENIED,
                    get().name() + " may not " + action.name().toLowerCase() + " here.");
        }
    }
}
