package dev.berth.gateway.taskroles;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import dev.berth.gateway.iam.ClaimMappers;
import dev.berth.gateway.iam.ConfidentialClients;
import dev.berth.gateway.iam.TokenEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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

    @Inject
    Keycloak keycloak;

    @Inject
    TokenEndpoint tokenEndpoint;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realmName;

    @Inject
    TaskRoleConfig config;

    private final Set<String> knownScopes = ConcurrentHashMap.newKeySet();

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

    /** Gives the clients of running tasks exactly these scopes (after their role changed). */
    public void replaceScopes(List<String> clientIds, List<String> scopes) {
        if (clientIds.isEmpty()) {
            return;
        }
        ensureScopes(scopes);
        Set<String> wantedNames = new HashSet<>(scopes);
        wantedNames.add(BASIC_SCOPE);
        Map<String, String> idsByName = new HashMap<>();
        for (ClientScopeRepresentation scope : realm().clientScopes().findAll()) {
            if (wantedNames.contains(scope.getName())) {
                idsByName.put(scope.getName(), scope.getId());
            }
        }
        for (String clientId : clientIds) {
            client(clientId).ifPresent(client -> {
                Map<String, String> missing = new HashMap<>(idsByName);
                for (ClientScopeRepresentation current : client.getDefaultClientScopes()) {
                    if (missing.remove(current.getName()) == null) {
                        client.removeDefaultClientScope(current.getId());
                    }
                }
                missing.values().forEach(client::addDefaultClientScope);
            });
        }
    }

    public void delete(String clientId) {
        client(clientId).ifPresent(ClientResource::remove);
    }

    /** A fresh token of the task's client, by client credentials against the realm. */
    public TokenEndpoint.IssuedToken mint(String clientId) {
        ClientResource client = client(clientId).orElseThrow(() -> new ApiException(ErrorCode.IDENTITY_PROVIDER,
                "The credentials of this task are gone from Keycloak; stop and start the task."));
        return tokenEndpoint.clientCredentials(clientId, client.getSecret().getValue())
                .orElseThrow(() -> new ApiException(ErrorCode.IDENTITY_PROVIDER,
                        "Keycloak refused a token for " + clientId + "."));
    }

    Duration lifespan() {
        Duration lifespan = config.taskTokenLifespan();
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
        return new ApiException(ErrorCode.IDENTITY_PROVIDER,
                "Keycloak refused " + what + " (HTTP " + status + ").");
    }
}
