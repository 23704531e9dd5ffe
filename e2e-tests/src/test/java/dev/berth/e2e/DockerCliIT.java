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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The docker CLI against Berth's registry through the gateway: docker login, pull, run and push,
 * through Podman's Docker-compatible API. The registry is addressed as {@code localhost:<port>}:
 * Podman's login endpoint speaks plain HTTP only to localhost.
 */
class DockerCliIT {

    private static final String PORT = System.getenv().getOrDefault("BERTH_GATEWAY_PORT", "8080");
    private static final String REGISTRY = "localhost:" + PORT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path work;
    private static Path layout;
    private static PodmanService podman;

    @BeforeAll
    static void start() throws Exception {
        LocalPlatform.ensureWholePlatform();
        work = Files.createTempDirectory("berth-docker-cli");
        layout = BusyboxImage.build(work);
        podman = PodmanService.start(work.resolve("podman"), REGISTRY);
    }

    @AfterAll
    static void stop() throws Exception {
        if (podman != null) {
            podman.close();
        }
    }

    /** A docker CLI with its own config directory, logged in as {@code user} unless null. */
    private static Map<String, String> dockerAs(String user) {
        Map<String, String> environment = podman.dockerEnvironment(work.resolve("docker-" + UUID.randomUUID()));
        if (user != null) {
            assertTrue(login(environment, user, Tokens.DEMO_PASSWORD).requireSuccess().output().contains("Login Succeeded"));
        }
        return environment;
    }

    private static Commands.Result login(Map<String, String> environment, String user, String password) {
        return docker(environment, password, "login", "-u", user, "--password-stdin", REGISTRY);
    }

    private static Commands.Result docker(Map<String, String> environment, String stdin, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        return Commands.run(environment, stdin, command);
    }

    private static String pushedWithSkopeo() {
        String image = REGISTRY + "/acme/docker-" + UUID.randomUUID().toString().substring(0, 8) + ":v1";
        Commands.run(List.of("skopeo", "copy", "--dest-tls-verify=false", "--dest-creds",
                "acme-deployer:" + Tokens.DEMO_PASSWORD, "oci:" + layout + ":" + BusyboxImage.TAG, "docker://" + image))
                .requireSuccess();
        return image;
    }

    private static JsonNode layers(String image) throws Exception {
        return JSON.readTree(Commands.run(List.of("skopeo", "inspect", "--tls-verify=false", "--creds",
                "acme-viewer:" + Tokens.DEMO_PASSWORD, "docker://" + image)).requireSuccess().output()).path("Layers");
    }

    @Test
    void dockerLogsInPullsRunsAndPushes() throws Exception {
        String image = pushedWithSkopeo();
        Map<String, String> deployer = dockerAs(null);
        // A wrong password counts against the user (brute-force protection): guess on a user of this test's own.
        Commands.Result wrongPassword = login(deployer, TestUsers.create("docker-guess", UUID.randomUUID().toString()),
                "not-the-password");
        assertNotEquals(0, wrongPassword.exitCode());
        assertTrue(wrongPassword.output().contains("401"), wrongPassword.output());

        login(deployer, "acme-deployer", Tokens.DEMO_PASSWORD).requireSuccess();
        docker(deployer, null, "pull", image).requireSuccess();
        Commands.Result ran = docker(deployer, null, "run", "--rm", image).requireSuccess();
        assertTrue(ran.output().contains(BusyboxImage.OUTPUT), ran.output());

        String copy = image.replace(":v1", ":v2");
        docker(deployer, null, "tag", image, copy).requireSuccess();
        docker(deployer, null, "push", copy).requireSuccess();
        assertEquals(layers(image), layers(copy));

        docker(deployer, null, "logout", REGISTRY).requireSuccess();
        docker(deployer, null, "rmi", "-f", image, copy);
    }

    @Test
    void anotherTenantCannotPullAndAViewerCannotPush() {
        String image = pushedWithSkopeo();
        Map<String, String> stranger = dockerAs("globex-admin");
        Commands.Result pull = docker(stranger, null, "pull", image);
        assertNotEquals(0, pull.exitCode());
        assertTrue(pull.output().contains("the token was not granted repository:"), pull.output());

        Map<String, String> viewer = dockerAs("acme-viewer");
        docker(viewer, null, "pull", image).requireSuccess();
        String copy = image.replace(":v1", ":viewer");
        docker(viewer, null, "tag", image, copy).requireSuccess();
        Commands.Result push = docker(viewer, null, "push", copy);
        assertNotEquals(0, push.exitCode());
        assertTrue(push.output().contains("denied"), push.output());
        docker(viewer, null, "rmi", "-f", image, copy);
    }
}
