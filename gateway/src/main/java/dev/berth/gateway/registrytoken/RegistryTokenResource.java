package dev.berth.gateway.registrytoken;

import dev.berth.common.auth.JwtClaims;
import dev.berth.common.auth.Principal;
import dev.berth.common.auth.RegistryAccess;
import dev.berth.common.http.RegistryChallenge;
import dev.berth.gateway.iam.TokenEndpoint;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The Docker registry token protocol (docs/security.md): docker/podman/skopeo are sent here by
 * the {@code WWW-Authenticate} challenge of {@code /v2/}. People log in with their username and
 * password, CI pipelines with their service account's client id and secret, a host agent's
 * container engine with the host's client id and secret; hosts and tasks may also send their
 * bearer token. A login gets a Keycloak access token minted for it, which the gateway then
 * holds to the access granted here ({@link RegistryGrants}, {@link RegistryGrantRoute}); a
 * bearer token comes back as it is, with what it may do (its own grant, if it has one, bounds
 * that: a narrowed token never widens itself).
 */
@Path(RegistryChallenge.TOKEN_PATH)
public class RegistryTokenResource {

    /**
     * Client ids that log in with client credentials: service accounts as the IAM API creates them
     * ({@code <tenant>-sa-<name>}) and hosts as registration makes them ({@code <tenant>-host-<hostId>}),
     * whose agents hand them to the container engine to pull their tasks' images.
     */
    private static final Pattern CLIENT = Pattern.compile("[a-z0-9][a-z0-9-]*-(sa|host)-[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    SecurityIdentity identity;

    @Inject
    TenantIdentityProvider tokenVerifier;

    @Inject
    TokenEndpoint tokenEndpoint;

    @Inject
    RegistryGrants grants;

    @GET
    public Response get(@HeaderParam("Authorization") String authorization, @QueryParam("service") String service,
                        @QueryParam("scope") List<String> scopes) {
        return answer(authorization, null, null, service, scopes);
    }

    /** The OAuth2 form some clients (containerd) try first: grant_type=password with username and password. */
    @POST
    public Response post(@HeaderParam("Authorization") String authorization, @FormParam("grant_type") String grantType,
                         @FormParam("username") String username, @FormParam("password") String password,
                         @FormParam("service") String service, @FormParam("scope") String scope) {
        if (grantType != null && !grantType.equals("password")) {
            return error(400, "UNSUPPORTED", "grant_type " + grantType + " is not supported; use password");
        }
        return answer(authorization, username, password, service, scope == null ? List.of() : List.of(scope));
    }

    private Response answer(String authorization, String formUser, String formPassword, String service,
                            List<String> scopeValues) {
        if (service != null && !service.equals(RegistryChallenge.SERVICE)) {
            return error(400, "UNSUPPORTED", "service must be " + RegistryChallenge.SERVICE);
        }
        List<RegistryScope> scopes;
        try {
            scopes = RegistryScope.parseAll(scopeValues);
        } catch (IllegalArgumentException e) {
            return error(400, "UNSUPPORTED", e.getMessage());
        }
        Optional<String[]> basic = basicCredentials(authorization)
                .or(() -> formUser == null ? Optional.empty() : Optional.of(new String[] {formUser, formPassword}));
        Optional<Caller> caller;
        boolean loggedIn = false;
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            caller = Optional.of(new Caller(jwt.getRawToken(), JwtClaims.principalOf(identity).orElseThrow(),
                    Instant.ofEpochSecond(jwt.getExpirationTime())));
        } else if (basic.isPresent()) {
            loggedIn = true;
            caller = logIn(basic.get()[0], basic.get()[1]);
        } else {
            return Response.status(401).header("WWW-Authenticate", "Basic realm=\"" + RegistryChallenge.SERVICE + "\"")
                    .entity(ociError("UNAUTHORIZED", "log in with a username and password or a service account"))
                    .type(MediaType.APPLICATION_JSON).build();
        }
        if (caller.isEmpty()) {
            return error(401, "UNAUTHORIZED", "the username or password is not valid");
        }
        String token = caller.get().token();
        Optional<GrantedScope> narrowed = loggedIn ? Optional.empty() : grants.lookupNow(token);
        List<RegistryToken.Grant> access = new ArrayList<>();
        for (RegistryScope scope : scopes) {
            List<String> granted = scope.type().equals("repository")
                    ? RegistryAccess.granted(caller.get().principal(), scope.name(), scope.actions()).stream()
                            .filter(action -> narrowed.isEmpty() || narrowed.get().allows(scope.name(), action))
                            .sorted().toList()
                    : List.of();
            access.add(new RegistryToken.Grant(scope.type(), scope.name(), granted));
        }
        if (loggedIn) {
            grants.record(token, caller.get().principal().subject(), caller.get().expiresAt(), RegistryGrants.of(access));
        }
        Instant now = Instant.now();
        long expiresIn = Math.max(0, Duration.between(now, caller.get().expiresAt()).toSeconds());
        return Response.ok(new RegistryToken(token, token, expiresIn, now, access), MediaType.APPLICATION_JSON).build();
    }

    private record Caller(String token, Principal principal, Instant expiresAt) {
    }

    /** A person by password grant, a service account by client credentials; empty when Keycloak says no. */
    private Optional<Caller> logIn(String username, String password) {
        // Keycloak's client ids and usernames are at most 255 characters: longer input never reaches the pattern
        if (password == null || username.length() > 255 || password.length() > 4096) {
            return Optional.empty();
        }
        Optional<TokenEndpoint.IssuedToken> issued = CLIENT.matcher(username).matches()
                ? tokenEndpoint.clientCredentials(username, password)
                : tokenEndpoint.password(username, password);
        return issued.map(token -> {
            try {
                SecurityIdentity verified = tokenVerifier.authenticate(new AccessTokenCredential(token.accessToken()))
                        .await().atMost(VERIFY_TIMEOUT);
                return new Caller(token.accessToken(), JwtClaims.principalOf((JsonWebToken) verified.getPrincipal()),
                        token.expiresAt());
            } catch (AuthenticationFailedException e) {
                return null;
            }
        });
    }

    private static Optional<String[]> basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status).entity(ociError(code, message)).type(MediaType.APPLICATION_JSON).build();
    }

    private static OciErrors ociError(String code, String message) {
        return OciErrors.of(code, message);
    }
}
