package dev.berth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testsupport.LocalPlatform;
import dev.berth.testsupport.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real registry clients against the registry through the gateway, with real tokens: skopeo,
 * podman (push, pull, run) and buildah, and another tenant kept out.
 */
class RegistryClientsIT {

    private static final String REGISTRY = "127.0.0.1:" + System.getenv().getOrDefault("BERTH_GATEWAY_PORT", "8080");
    private static final String DEPLOYER = "acme-deployer:" + Tokens.DEMO_PASSWORD;
    private static final String VIEWER = "acme-viewer:" + Tokens.DEMO_PASSWORD;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path work;
    private static Path layout;

    @BeforeAll
    static void image() throws Exception {
        LocalPlatform.ensureWholePlatform();
        work = Files.createTempDirectory("berth-registry-clients");
        layout = BusyboxImage.build(work);
    }

    private static String repository(String prefix) {
        return "acme/" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String localDigest() throws Exception {
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        return index.path("manifests").get(0).path("digest").asText();
    }

    private static String pushWithSkopeo(String repository, String creds) {
        return Commands.run(List.of("skopeo", "copy", "--dest-tls-verify=false", "--dest-creds", creds,
                "oci:" + layout + ":" + BusyboxImage.TAG, "docker://" + REGISTRY + "/" + repository + ":v1")).output();
    }

    private static Commands.Result inspect(String repository, String creds) {
        return Commands.run(List.of("skopeo", "inspect", "--tls-verify=false", "--creds", creds,
                "docker://" + REGISTRY + "/" + repository + ":v1"));
    }

    @Test
    void skopeoPushesAndPullsTheSameImage() throws Exception {
        String repository = repository("skopeo");
        pushWithSkopeo(repository, DEPLOYER);
        JsonNode inspected = JSON.readTree(inspect(repository, VIEWER).requireSuccess().output());
        assertEquals(localDigest(), inspected.path("Digest").asText());

        Path pulled = work.resolve("pulled-" + UUID.randomUUID());
        Commands.run(List.of("skopeo", "copy", "--src-tls-verify=false", "--src-creds", VIEWER,
                "docker://" + REGISTRY + "/" + repository + ":v1", "oci:" + pulled + ":v1")).requireSuccess();
        assertEquals(localDigest(), JSON.readTree(pulled.resolve("index.json").toFile())
                .path("manifests").get(0).path("digest").asText());

        String tags = Commands.run(List.of("skopeo", "list-tags", "--tls-verify=false", "--creds", VIEWER,
                "docker://" + REGISTRY + "/" + repository)).requireSuccess().output();
        assertEquals(List.of("v1"), JSON.convertValue(JSON.readTree(tags).path("Tags"), List.class));
    }

    @Test
    void podmanPullsRunsAndPushes() {
        String repository = repository("podman");
        pushWithSkopeo(repository, DEPLOYER);
        String image = REGISTRY + "/" + repository + ":v1";
        Commands.run(List.of("podman", "pull", "--tls-verify=false", "--creds", VIEWER, image)).requireSuccess();
        Commands.Result ran = Commands.run(List.of("podman", "run", "--rm", "--runtime", "runc",
                "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=4096:4096", image)).requireSuccess();
        assertTrue(ran.output().contains(BusyboxImage.OUTPUT), ran.output());

        String copy = REGISTRY + "/" + repository("podman-push") + ":v1";
        Commands.run(List.of("podman", "tag", image, copy)).requireSuccess();
        Commands.run(List.of("podman", "push", "--tls-verify=false", "--creds", DEPLOYER, copy)).requireSuccess();
        Commands.run(List.of("skopeo", "inspect", "--tls-verify=false", "--creds", VIEWER, "docker://" + copy))
                .requireSuccess();
        Commands.run(List.of("podman", "rmi", "-f", image, copy));
    }

    @Test
    void buildahBuildsFromScratchAndPushes() throws Exception {
        Path context = Files.createDirectories(work.resolve("context-" + UUID.randomUUID()));
        Files.copy(Path.of("/bin/busybox"), context.resolve("busybox"));
        Files.writeString(context.resolve("Containerfile"),
                "FROM scratch\nCOPY busybox /bin/busybox\nENTRYPOINT [\"/bin/busybox\"]\nCMD [\"echo\", \"built\"]\n");
        String image = REGISTRY + "/" + repository("buildah") + ":v1";
        Commands.run(List.of("buildah", "bud", "--isolation", "chroot", "-t", image, context.toString())).requireSuccess();
        Commands.run(List.of("buildah", "push", "--tls-verify=false", "--creds", DEPLOYER, image)).requireSuccess();
        JsonNode config = JSON.readTree(Commands.run(List.of("skopeo", "inspect", "--config", "--tls-verify=false",
                "--creds", VIEWER, "docker://" + image)).requireSuccess().output());
        assertEquals(List.of("/bin/busybox"), JSON.convertValue(config.path("config").path("Entrypoint"), List.class));
        Commands.run(List.of("buildah", "rmi", "-f", image));
    }

    @Test
    void anotherTenantSeesNothingAndAViewerCannotPush() {
        String repository = repository("private");
        pushWithSkopeo(repository, DEPLOYER);
        // Another tenant's token is not granted the scope, whether the repository exists or not.
        Commands.Result stranger = inspect(repository, "globex-admin:" + Tokens.DEMO_PASSWORD);
        Commands.Result absent = inspect(repository("absent"), "globex-admin:" + Tokens.DEMO_PASSWORD);
        assertNotEquals(0, stranger.exitCode());
        assertNotEquals(0, absent.exitCode());
        assertTrue(stranger.output().contains("the token was not granted repository:" + repository + ":pull"),
                stranger.output());
        assertTrue(absent.output().contains("the token was not granted repository:"), absent.output());

        Commands.Result viewerPush = Commands.run(List.of("skopeo", "copy", "--dest-tls-verify=false", "--dest-creds",
                VIEWER, "oci:" + layout + ":" + BusyboxImage.TAG, "docker://" + REGISTRY + "/" + repository("nope") + ":v1"));
        assertNotEquals(0, viewerPush.exitCode());
        assertTrue(viewerPush.output().contains("denied"), viewerPush.output());
    }
}
