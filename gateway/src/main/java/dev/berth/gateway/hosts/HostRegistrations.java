package dev.berth.gateway.hosts;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;
import dev.berth.gateway.iam.ClaimMappers;
import dev.berth.gateway.iam.ConfidentialClients;
import dev.berth.gateway.iam.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.google.re2j.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * Host role tokens (docs/security.md): a tenant admin issues registration tokens for a cluster;
 * a host agent redeems one for a Keycloak client of its own whose tokens carry tenant, cluster,
 * host id and the role {@code host}. Deregistering a host disables its client.
 */
@ApplicationScoped
public class HostRegistrations {

    /** What {@link #register} gives out: {@code h-} and hexadecimal digits. */
    private static final Pattern HOST_ID = Pattern.compile("h-[0-9a-f]{1,64}");

    static final String TOKEN_PREFIX = "brt_";

    @Inject
    RegistrationTokenRepository tokens;

    @Inject
    Keycloak keycloak;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realmName;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    public NewRegistrationToken create(String tenant, String cluster, Duration validFor, int maxUses, String createdBy) {
        String secret = TOKEN_PREFIX + Secrets.urlSafe(32);
        UUID id = UUID.randomUUID();
        Instant expiresAt = Instant.now().plus(validFor);
        tokens.insert(id, tenant, cluster, sha256(secret), expiresAt, maxUses, createdBy);
        return new NewRegistrationToken(id, cluster, expiresAt, maxUses, secret);
    }

    public HostRegistration register(String registrationToken, String hostname) {
        String tokenHash = sha256(registrationToken);
        var redeemed = tokens.redeem(tokenHash, Instant.now())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_REGISTRATION_TOKEN,
                        "The registration token is unknown, expired, revoked or used up."));
        String hostId = "h-" + Secrets.hex(6);
        String clientId = redeemed.tenant() + "-host-" + hostId;
        ConfidentialClients.Credentials credentials;
        try {
            credentials = ConfidentialClients.create(realm(), clientId,
                    "host " + (hostname == null ? hostId : hostname) + " of " + redeemed.cluster(),
                    Map.of("berth.tenant", redeemed.tenant(), "berth.kind", "host",
                            "berth.cluster", redeemed.cluster(), "berth.host-id", hostId),
                    List.of(ClaimMappers.fixed("tenant", redeemed.tenant()),
                            ClaimMappers.fixed("cluster", redeemed.cluster()),
                            ClaimMappers.fixed("host_id", hostId)),
                    "host");
        } catch (RuntimeException e) {
            tokens.giveBack(tokenHash); // the host got nothing, so the use does not count
            throw e;
        }
        return new HostRegistration(hostId, redeemed.tenant(), redeemed.cluster(), clientId, credentials.secret(),
                issuer + "/protocol/openid-connect/token");
    }

    /** Disables the host's client: it gets no new tokens; the ones it has expire within minutes. */
    public void deregister(String tenant, String hostId) {
        if (hostId == null || hostId.length() > 66 || !HOST_ID.matcher(hostId).matches()) {
            throw new InvalidInputException("hostId", "is not a host id ('h-' and up to 64 hexadecimal digits)");
        }
        ClientRepresentation client = realm().clients().findByClientId(tenant + "-host-" + hostId).stream()
                .filter(c -> c.getAttributes() != null && tenant.equals(c.getAttributes().get("berth.tenant")))
                .findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No host " + hostId + "."));
        client.setEnabled(false);
        realm().clients().get(client.getId()).update(client);
    }

    private RealmResource realm() {
        return keycloak.realm(realmName);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
