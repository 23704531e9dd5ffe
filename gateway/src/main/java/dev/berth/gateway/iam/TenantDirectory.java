package dev.berth.gateway.iam;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A tenant's people and service accounts, kept in Keycloak only (docs/security.md): a tenant is
 * the group {@code /<tenant>}; its members with a level sit in the subgroups {@code admin},
 * {@code deployer}, {@code viewer}, and members with level deny directly in the tenant group.
 * Service accounts are clients tagged with the tenant.
 */
@ApplicationScoped
public class TenantDirectory {

    static final String TENANT_ATTRIBUTE = "berth.tenant";
    static final String KIND_ATTRIBUTE = "berth.kind";
    static final String SERVICE_ACCOUNT_KIND = "service-account";
    private static final int PAGE = 500;

    @Inject
    Keycloak keycloak;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realmName;

    private RealmResource realm() {
        return keycloak.realm(realmName);
    }

    // ---------------------------------------------------------------- users

    public List<TenantUser> users(String tenant) {
        GroupRepresentation tenantGroup = tenantGroup(tenant);
        List<TenantUser> users = new ArrayList<>(members(tenantGroup, Level.DENY));
        for (Level level : List.of(Level.SHOW, Level.DEPLOY, Level.MANAGE)) {
            levelGroup(tenant, level).ifPresent(group -> users.addAll(members(group, level)));
        }
        users.sort(Comparator.comparing(TenantUser::username));
        return users;
    }

    public TenantUser user(String tenant, String username) {
        UserRepresentation user = findUser(username);
        Level level = Level.inTenant(tenant, paths(groupsOf(user))).orElseThrow(() -> userNotFound(username));
        return toTenantUser(user, level);
    }

    public InvitedUser invite(String tenant, String username, String email, Level level) {
        if (!realm().users().searchByUsername(username, true).isEmpty()) {
            throw new ApiException(ErrorCode.USER_ALREADY_EXISTS, "username " + username + " is taken.");
        }
        String password = Secrets.urlSafe(18);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setEnabled(true);
        user.setEmailVerified(false);
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        user.setGroups(List.of(groupPath(tenant, level)));
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(true);
        user.setCredentials(List.of(credential));
        try (Response response = realm().users().create(user)) {
            expectCreated(response, "user " + username);
        }
        return new InvitedUser(new TenantUser(username, email, true, level.wireName()), password);
    }

    public TenantUser setLevel(String tenant, String username, Level level) {
        UserRepresentation user = findUser(username);
        List<GroupRepresentation> groups = groupsOf(user);
        Level.inTenant(tenant, paths(groups)).orElseThrow(() -> userNotFound(username));
        var userResource = realm().users().get(user.getId());
        GroupRepresentation target = group(groupPath(tenant, level)).orElseThrow(() -> misconfigured(tenant));
        userResource.joinGroup(target.getId());
        for (GroupRepresentation group : groups) {
            if (Level.isTenantGroup(tenant, group.getPath()) && !group.getId().equals(target.getId())) {
                userResource.leaveGroup(group.getId());
            }
        }
        return toTenantUser(user, level);
    }

    private UserRepresentation findUser(String username) {
        return realm().users().searchByUsername(username, true).stream().findFirst()
                .orElseThrow(() -> userNotFound(username));
    }

    private List<GroupRepresentation> groupsOf(UserRepresentation user) {
        return realm().users().get(user.getId()).groups();
    }

    private static List<String> paths(List<GroupRepresentation> groups) {
        return groups.stream().map(GroupRepresentation::getPath).toList();
    }

    private List<TenantUser> members(GroupRepresentation group, Level level) {
        return realm().groups().group(group.getId()).members(0, PAGE, true).stream()
                .map(u -> toTenantUser(u, level))
                .toList();
    }

    private static TenantUser toTenantUser(UserRepresentation user, Level level) {
        return new TenantUser(user.getUsername(), user.getEmail(), Boolean.TRUE.equals(user.isEnabled()), level.wireName());
    }

    // ---------------------------------------------------------------- service accounts

    public List<ServiceAccount> serviceAccounts(String tenant) {
        return realm().clients().findAll().stream()
                .filter(c -> isServiceAccountOf(c, tenant))
                .map(c -> new ServiceAccount(nameOf(tenant, c.getClientId()), c.getClientId(), levelOf(c), null))
                .sorted(Comparator.comparing(ServiceAccount::name))
                .toList();
    }

    public ServiceAccount createServiceAccount(String tenant, String name, Level level) {
        String clientId = serviceAccountClientId(tenant, name);
        if (!realm().clients().findByClientId(clientId).isEmpty()) {
            throw new ApiException(ErrorCode.SERVICE_ACCOUNT_ALREADY_EXISTS, "service account " + name + " exists.");
        }
        // clients carry their tenant as a fixed claim; users get it from their group
        var credentials = ConfidentialClients.create(realm(), clientId, tenant + " service account " + name,
                Map.of(TENANT_ATTRIBUTE, tenant, KIND_ATTRIBUTE, SERVICE_ACCOUNT_KIND, "berth.level", level.wireName()),
                List.of(ClaimMappers.fixed("tenant", tenant)), level.role().orElseThrow());
        return new ServiceAccount(name, clientId, level.wireName(), credentials.secret());
    }

    public void deleteServiceAccount(String tenant, String name) {
        ClientRepresentation client = realm().clients().findByClientId(serviceAccountClientId(tenant, name)).stream()
                .filter(c -> isServiceAccountOf(c, tenant))
                .findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No service account " + name + "."));
        realm().clients().get(client.getId()).remove();
    }

    static String serviceAccountClientId(String tenant, String name) {
        return tenant + "-sa-" + name;
    }

    private static String nameOf(String tenant, String clientId) {
        return clientId.substring((tenant + "-sa-").length());
    }

    private static String levelOf(ClientRepresentation client) {
        return client.getAttributes() == null ? null : client.getAttributes().get("berth.level");
    }

    private static boolean isServiceAccountOf(ClientRepresentation client, String tenant) {
        Map<String, String> attributes = client.getAttributes();
        return attributes != null && tenant.equals(attributes.get(TENANT_ATTRIBUTE))
                && SERVICE_ACCOUNT_KIND.equals(attributes.get(KIND_ATTRIBUTE));
    }

    // ---------------------------------------------------------------- groups

    private GroupRepresentation tenantGroup(String tenant) {
        return group("/" + tenant).orElseThrow(() -> misconfigured(tenant));
    }

    private Optional<GroupRepresentation> levelGroup(String tenant, Level level) {
        return group(groupPath(tenant, level));
    }

    private static String groupPath(String tenant, Level level) {
        return level.role().map(role -> "/" + tenant + "/" + role).orElse("/" + tenant);
    }

    private Optional<GroupRepresentation> group(String path) {
        try {
            return Optional.of(realm().getGroupByPath(path));
        } catch (jakarta.ws.rs.NotFoundException e) {
            return Optional.empty();
        }
    }

    private static void expectCreated(Response response, String what) {
        if (response.getStatus() == 409) {
            throw new ApiException(ErrorCode.ENTITY_ALREADY_EXISTS, what + " exists.");
        }
        if (response.getStatus() != 201) {
            throw new ApiException(ErrorCode.IDENTITY_PROVIDER,
                    "Keycloak refused to create " + what + " (HTTP " + response.getStatus() + ").");
        }
    }

    private static ApiException userNotFound(String username) {
        return new ApiException(ErrorCode.USER_NOT_FOUND, "No user " + username + " in this tenant.");
    }

    private static ApiException misconfigured(String tenant) {
        return new ApiException(ErrorCode.SERVER, "Tenant " + tenant + " has no group in Keycloak.");
    }
}
