package dev.berth.gateway.taskroles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.error.ApiException;
import dev.berth.gateway.iam.ClaimMappers;
import dev.berth.gateway.iam.ConfidentialClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientScopeRepresentation;

/**
 * The Keycloak side of task roles (docs/security.md): every scope a role grants is a client
 * scope of the realm, so Keycloak itself writes it into the token's {@code scope} claim; every
 * running task gets a client of its own whose tokens carry tenant, task id and task role as
 * fixed claims, live at most 15 minutes, and whose secret never leaves Keycloak.
 */
@ApplicationScoped
public class TaskClients {

    /** Keycloak's own client scope that puts {@code sub} into tokens; no {@code scope} entry. */
    private static final String BASIC_SCOPE = "basic";
    private static final Duration MAX_LIFESPAN = Duration.ofMinutes(15);

    /** A token minted for a task's client. */
    public record MintedToken(String accessToken, Instant issuedAt, Instant expiresAt) {
    }

    @Inject
    Keycloak keycloak;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realmName;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @ConfigProperty(name = "berth.iam.task-token-lifespan", defaultValue = "PT15M")
    Duration lifespan;

    private final Set<String> knownScopes = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Creates the realm client scopes that do not exist yet. */
    public void ensureScopes(Collection<String> scopes) {
        if (knownScopes.containsAll(scopes)) {
            return;
        }
        realm().clientScopes().findAll().forEach(s -> knownScopes.add(s.getName()));
        for (String scope : scopes) {
            if (knownScopes.contains(scope)) {
                continue;
            }
            ClientScopeRepresentation rep = new ClientScopeRepresentation();
            rep.setName(scope);
            rep.setProtocol("openid-connect");
            rep.setDescription("Berth task role scope");
            rep.setAttributes(Map.of("include.in.token.scope", "true", "display.on.consent.screen", "false"));
            try (Response response = realm().clientScopes().create(rep)) {
                if (response.getStatus() != 201 && response.getStatus() != 409) {
                    throw keycloakRefused("client scope " + scope, response.getStatus());
                }
            }
            knownScopes.add(scope);
        }
    }

    public void create(TaskBinding task, List<String> scopes) {
        ensureScopes(scopes);
        List<String> clientScopes = new ArrayList<>(scopes);
        clientScopes.add(BASIC_SCOPE);
        ConfidentialClients.create(realm(), task.clientId(), "task " + task.taskId() + " (" + task.taskRole() + ")",
                Map.of("berth.tenant", task.tenant(), "berth.kind", "task", "berth.task-id", task.taskId(),
                        "berth.task-role", task.taskRole(),
                        "access.token.lifespan", String.valueOf(lifespan().toSeconds())),
                List.of(ClaimMappers.fixed("tenant", task.tenant()), ClaimMappers.fixed("task_id", task.taskId()),
                        ClaimMappers.fixed("task_role", task.taskRole())),
                null, clientScopes);
    }

    /** Gives a running task's client exactly these scopes (after its role changed). */
    public void replaceScopes(String clientId, List<String> scopes) {
        ensureScopes(scopes);
        client(clientId).ifPresent(client -> {
            Set<String> wanted = new HashSet<>(scopes);
            wanted.add(BASIC_SCOPE);
            for (ClientScopeRepresentation current : client.getDefaultClientScopes()) {
                if (!wanted.remove(current.getName())) {
                    client.removeDefaultClientScope(current.getId());
                }
            }
            for (ClientScopeRepresentation scope : realm().clientScopes().findAll()) {
                if (wanted.contains(scope.getName())) {
                    client.addDefaultClientScope(scope.getId());
                }
            }
        });
    }

    public void delete(String clientId) {
        client(clientId).ifPresent(ClientResource::remove);
    }

    /** A fresh token of the task's client, by client credentials against the realm. */
    public MintedToken mint(String clientId) {
        ClientResource client = client(clientId).orElseThrow(() -> new ApiException(502, "IdentityProviderException",
                "The credentials of this task are gone from Keycloak; stop and start the task."));
        String secret = client.getSecret().getValue();
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            Instant now = Instant.now();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw keycloakRefused("a token for " + clientId, response.statusCode());
            }
            JsonNode body = json.readTree(response.body());
            return new MintedToken(body.path("access_token").asText(), now,
                    now.plusSeconds(body.path("expires_in").asLong()));
        } catch (IOException e) {
            throw new ApiException(502, "IdentityProviderException", "Keycloak did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "ServiceUnavailableException", "Interrupted while asking Keycloak.");
        }
    }

    Duration lifespan() {
        return lifespan.compareTo(MAX_LIFESPAN) > 0 ? MAX_LIFESPAN : lifespan;
    }

    private Optional<ClientResource> client(String clientId) {
        return realm().clients().findByClientId(clientId).stream().findFirst()
                .map(c -> realm().clients().get(c.getId()));
    }

    private RealmResource realm() {
        return keycloak.realm(realmName);
    }

    private static ApiException keycloakRefused(String what, int status) {
        return new ApiException(502, "IdentityProviderException",
                "Keycloak refused " + what + " (HTTP " + status + ").");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
