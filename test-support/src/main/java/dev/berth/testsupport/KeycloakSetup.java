package dev.berth.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Gives the realm {@code berth} this install's secrets: each platform client
 * ({@code berth-<service>}) gets the secret {@code ./platform} generated for it, and the realm
 * its brute-force protection. The realm file holds no secret; this runs after every start, so an
 * older realm imported with a shared default is fixed too. Logs in as the master realm's admin.
 *
 * <pre>java -cp … dev.berth.testsupport.KeycloakSetup KEYCLOAK_URL SECRETS_DIR</pre>
 */
public final class KeycloakSetup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLISHED_ADMIN_PASSWORD = "berth-admin";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    private KeycloakSetup(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: KeycloakSetup KEYCLOAK_URL SECRETS_DIR");
            System.exit(2);
        }
        Path secrets = Path.of(args[1]);
        String adminPassword = PlatformSecrets.read(secrets, "keycloak-admin");
        KeycloakSetup setup = new KeycloakSetup(args[0], adminToken(args[0], adminPassword)
                .or(() -> upgradeFromPublishedAdminPassword(args[0], adminPassword))
                .orElseThrow(() -> new IllegalStateException("Keycloak refused the admin login: the password in"
                        + " data/secrets/keycloak-admin is not this Keycloak's (was it changed in the console?)")));
        for (String service : PlatformSecrets.SERVICES) {
            ObjectNode client = setup.client("berth-" + service);
            setup.setSecret(client, PlatformSecrets.read(secrets, "client-" + service));
            setup.ensureBerthAudience(client);
        }
        setup.ensureBerthAudience(setup.client("berth-cli"));
        setup.protectAgainstBruteForce();
        System.out.println("keycloak: secrets of " + PlatformSecrets.SERVICES.size()
                + " platform clients set, audience 'berth' on the realm's clients, brute-force protection on");
    }

    private static Optional<String> adminToken(String base, String password) {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(response.body()).get("access_token").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A Keycloak first started before passwords were generated still has the admin password the
     * repository once published: log in with it once and replace it with this install's own.
     */
    private static Optional<String> upgradeFromPublishedAdminPassword(String base, String password) {
        return adminToken(base, PUBLISHED_ADMIN_PASSWORD).map(token -> {
            try {
                KeycloakSetup master = new KeycloakSetup(base, token);
                JsonNode admins = JSON.readTree(master.call("GET", "/admin/realms/master/users?username=admin&exact=true", null));
                ObjectNode credential = JSON.createObjectNode().put("type", "password").put("value", password).put("temporary", false);
                master.call("PUT", "/admin/realms/master/users/" + admins.get(0).get("id").asText() + "/reset-password",
                        credential.toString());
                System.out.println("keycloak: the admin password published in older releases was replaced by data/secrets/keycloak-admin");
                return adminToken(base, password).orElseThrow();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private ObjectNode client(String clientId) throws IOException, InterruptedException {
        JsonNode found = JSON.readTree(call("GET", "/admin/realms/berth/clients?clientId=" + clientId, null));
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalStateException("realm berth has no client " + clientId + " (keycloak/berth-realm.json)");
        }
        return (ObjectNode) found.get(0);
    }

    private void setSecret(ObjectNode client, String secret) throws IOException, InterruptedException {
        if (secret.equals(client.path("secret").asText(null))) {
            return;
        }
        client.put("secret", secret);
        call("PUT", "/admin/realms/berth/clients/" + client.get("id").asText(), client.toString());
    }

    /** Services accept only tokens for audience "berth"; a realm imported before the mapper existed gets it here. */
    private void ensureBerthAudience(ObjectNode client) throws IOException, InterruptedException {
        for (JsonNode mapper : client.path("protocolMappers")) {
            if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asText())) {
                return;
            }
        }
        ObjectNode mapper = JSON.createObjectNode();
        mapper.put("name", "audience").put("protocol", "openid-connect").put("protocolMapper", "oidc-audience-mapper");
        mapper.putObject("config").put("included.custom.audience", "berth").put("access.token.claim", "true")
                .put("id.token.claim", "false").put("introspection.token.claim", "true");
        call("POST", "/admin/realms/berth/clients/" + client.get("id").asText() + "/protocol-mappers/models", mapper.toString());
    }

    /** The realm file turns it on for new installs; a realm imported before that gets it here. */
    private void protectAgainstBruteForce() throws IOException, InterruptedException {
        JsonNode realm = JSON.readTree(call("GET", "/admin/realms/berth", null));
        if (!realm.path("bruteForceProtected").asBoolean()) {
            call("PUT", "/admin/realms/berth", "{\"realm\":\"berth\",\"bruteForceProtected\":true}");
        }
    }

    private String call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
