package dev.berth.agent.hostauth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

/**
 * A host's own Keycloak client credentials, obtained once by redeeming a registration token at
 * the gateway and kept in a file only its owner can read (0600).
 */
public record HostCredentials(String hostId, String tenant, String cluster, String clientId, String clientSecret,
                              String tokenEndpoint) {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * Registers this host with the registration token a tenant admin gave out and stores the
     * credentials in {@code file}.
     *
     * @throws HostAuthException when the gateway refuses the token or cannot be reached
     */
    public static HostCredentials register(URI gateway, String registrationToken, String hostname, Path file) {
        try {
            HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/iam/v1/host-registrations"))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("registrationToken", registrationToken, "hostname", hostname))))
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new HostAuthException("registration refused (HTTP " + response.statusCode() + "): " + response.body());
            }
            HostCredentials credentials = JSON.readValue(response.body(), HostCredentials.class);
            credentials.save(file);
            return credentials;
        } catch (IOException e) {
            throw new HostAuthException("could not register at " + gateway + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostAuthException("interrupted while registering", e);
        }
    }

    public static HostCredentials load(Path file) {
        try {
            return JSON.readValue(file.toFile(), HostCredentials.class);
        } catch (IOException e) {
            throw new HostAuthException("could not read host credentials from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the file owner-only from its first byte: a temporary file made 0600, then moved in place. */
    public void save(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".host-credentials", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, JSON.writeValueAsString(this));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new HostAuthException("could not write host credentials to " + file + ": " + e.getMessage(), e);
        }
    }
}
