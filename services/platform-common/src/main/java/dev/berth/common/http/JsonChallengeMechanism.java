package dev.berth.common.http;

import dev.berth.common.auth.JwtClaims;
import dev.berth.common.error.ErrorCode;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * Keycloak bearer-token authentication, with two additions: a token verified once is not
 * verified again until it expires ({@link VerifiedTokens}), and a request without a token is
 * answered with the platform's JSON error rather than an empty 401, or on the OCI distribution
 * API with the Docker token protocol's challenge ({@link RegistryChallenge}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class JsonChallengeMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Inject
    OidcAuthenticationMechanism oidc;

    @Inject
    AuthConfig config;

    private VerifiedTokens verified;

    @PostConstruct
    void createCache() {
        long cacheSize = config.verifiedTokenCacheSize();
        verified = cacheSize > 0 ? new VerifiedTokens(cacheSize) : null;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = bearerToken(context);
        if (token == null) {
            return oidc.authenticate(context, identityProviderManager);
        }
        Optional<SecurityIdentity> known = verified == null ? Optional.empty() : verified.get(token);
        if (known.isPresent()) {
            // the identity carries the routing context it was verified in; give it this request's
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known.get())
                    .addAttribute(RoutingContext.class.getName(), context).build());
        }
        return oidc.authenticate(context, identityProviderManager).map(identity -> {
            if (identity == null) {
                return null;
            }
            SecurityIdentity withPrincipal = JwtClaims.principalOf(identity)
                    .map(principal -> (SecurityIdentity) QuarkusSecurityIdentity.builder(identity)
                            .addAttribute(JwtClaims.IDENTITY_ATTRIBUTE, principal).build())
                    .orElse(identity);
            if (verified != null) {
                verified.put(token, withPrincipal);
            }
            return withPrincipal;
        });
    }

    private static String bearerToken(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
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
        HttpErrorRoutes.write(context, ErrorCode.MISSING_TOKEN, HttpErrorRoutes.MISSING_TOKEN_MESSAGE);
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
