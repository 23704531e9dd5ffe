package dev.berth.agent.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void splitsRegistryRepositoryTagAndDigest() {
        assertEquals(new ImageReference("127.0.0.1:8080", "acme/web", "1.2", null),
                ImageReference.parse("127.0.0.1:8080/acme/web:1.2"));
        assertEquals(new ImageReference("localhost:8080", "acme/web", null, "sha256:ab"),
                ImageReference.parse("localhost:8080/acme/web@sha256:ab"));
        assertEquals(new ImageReference(null, "busybox", "latest", null), ImageReference.parse("busybox"));
        assertEquals(new ImageReference(null, "acme/web", "2", null), ImageReference.parse("acme/web:2"));
        assertEquals("127.0.0.1:8080/acme/web@sha256:cd", ImageReference.parse("127.0.0.1:8080/acme/web:1").pinned("sha256:cd"));
    }

    @Test
    void berthsRegistryIsTheGatewayByAnyLocalName() {
        ImagePuller puller = new ImagePuller(null, URI.create("http://127.0.0.1:8080"), () -> "t", "id", "secret");
        assertTrue(puller.isBerthRegistry("127.0.0.1:8080"));
        assertTrue(puller.isBerthRegistry("localhost:8080"));
        assertFalse(puller.isBerthRegistry("localhost:5000"));
        assertFalse(puller.isBerthRegistry("registry.example.com"));
        assertFalse(puller.isBerthRegistry(null));
    }
}
