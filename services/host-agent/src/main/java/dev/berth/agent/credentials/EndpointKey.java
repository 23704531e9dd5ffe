package dev.berth.agent.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The agent's own key for the task credentials endpoint: 32 random bytes kept in the state
 * directory (0600, written through a 0600 temporary file), made at the first start and kept, so
 * that a restarted agent still answers the paths and keys its running containers were given.
 */
public final class EndpointKey {

    private static final int BYTES = 32;

    private EndpointKey() {
    }

    public static byte[] load(Path stateDirectory) {
        Path file = stateDirectory.resolve("credentials-endpoint.key");
        try {
            if (Files.exists(file)) {
                byte[] key = Files.readAllBytes(file);
                if (key.length == BYTES) {
                    return key;
                }
            }
            byte[] key = new byte[BYTES];
            new SecureRandom().nextBytes(key);
            Path tmp = Files.createTempFile(stateDirectory, "endpoint", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, key);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the credentials endpoint key in " + file, e);
        }
    }
}
