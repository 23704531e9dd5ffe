package dev.berth.common.http;

import dev.berth.common.error.ErrorCodes;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Keycloak bearer-token authentication, unchanged, except that a request without a token is
 * answered with the platform's JSON error rather than an empty 401, or on the OCI distribution
 * API with the Docker token protocol's challenge ({@link RegistryChallenge}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class JsonChallengeMechanism implements HttpAuthenticationMechanism {

    @Inject
    OidcAuthenticationMechanism oidc;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return oidc.authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (RegistryChallenge.appliesTo(context.normalizedPath())) {
            RegistryChallenge.unauthorized(context, false);
            return Uni.createFrom().item(true);
        }
        context.response().putHeader("WWW-Authenticate", "Bearer");
        HttpErrorRoutes.write(context, 401, ErrorCodes.MISSING_TOKEN, HttpErrorRoutes.MISSING_TOKEN_MESSAGE);
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }
}
