package dev.berth.registry.gc;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.registry.TestImages;
import dev.berth.registry.digest.Digest;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Garbage collection with a one-second grace period, alone and while pushes run. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
@TestProfile(GarbageCollectionIT.ShortGrace.class)
class GarbageCollectionIT {

    public static class ShortGrace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("berth.registry.gc.grace", "PT1S");
        }
    }

    private static void outliveTheGracePeriod() throws InterruptedException {
        Thread.sleep(1_500);
    }

    @Inject
    GarbageCollector collector;

    private final String token = Tokens.forDemoUser("acme-admin");

    private static Path blobFile(Digest digest) {
        return Path.of("target/registry-data/blobs/sha256", digest.hex().substring(0, 2), digest.hex());
    }

    private String pushBlob(String repository, byte[] content) {
        return TestImages.pushBlob(token, repository, content);
    }

    /** Uploads config and layer, then the manifest under {@code tag}. */
    private TestImages.Pushed pushImage(String repository, String tag, byte[] layer) {
        return TestImages.pushImage(token, repository, tag, TestImages.bytes("{\"tag\":\"" + tag + "\"}"), layer);
    }

    @Test
    void unusedBlobsGoAndUsedOnesStay() throws Exception {
        String repository = "acme/gc-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] orphan = ("orphan " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Digest orphanDigest = Digest.parse(pushBlob(repository, orphan));
        byte[] layer = ("layer " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        TestImages.Pushed image = pushImage(repository, "v1", layer);
        assertEquals(201, image.status());
        assertTrue(Files.exists(blobFile(orphanDigest)));
        collector.collect().await().atMost(Duration.ofSeconds(60));
        assertTrue(Files.exists(blobFile(orphanDigest)), "within the grace period nothing goes");

        outliveTheGracePeriod();
        GarbageCollector.Report report = collector.collect().await().atMost(Duration.ofSeconds(60));
        assertTrue(report.blobsDeleted() >= 1, report.toString());
        assertFalse(Files.exists(blobFile(orphanDigest)), "the unused blob's file is gone");
        given().auth().oauth2(token).when().head("/v2/" + repository + "/blobs/" + orphanDigest).then().statusCode(404);
        byte[] read = given().auth().oauth2(token).when()
                .get("/v2/" + repository + "/blobs/" + Digest.sha256(layer)).then().statusCode(200).extract().asByteArray();
        assertArrayEquals(layer, read);

        // a repository's blobs go once the image that used them is deleted
        given().auth().oauth2(token).when().delete("/v2/" + repository + "/manifests/" + image.digest()).then()
                .statusCode(202);
        outliveTheGracePeriod();
        collector.collect().await().atMost(Duration.ofSeconds(60));
        assertFalse(Files.exists(blobFile(Digest.sha256(layer))));
    }

    @Test
    void pushesWithinTheGracePeriodSucceedAndStayWholeWhileCollectionsRun() throws Exception {
        String repository = "acme/gc-race-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicBoolean pushing = new AtomicBoolean(true);
        AtomicInteger collections = new AtomicInteger();
        Thread gc = new Thread(() -> {
            while (pushing.get()) {
                collector.collect().await().atMost(Duration.ofSeconds(60));
                collections.incrementAndGet();
            }
        });
        gc.start();
        List<byte[]> accepted = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                byte[] layer = ("layer " + i + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
                int status = pushImage(repository, "t" + i, layer).status();
                assertEquals(201, status, "image " + i);
                accepted.add(layer);
                tags.add("t" + i);
            }
        } finally {
            pushing.set(false);
            gc.join();
        }
        collector.collect().await().atMost(Duration.ofSeconds(60));
        assertTrue(collections.get() > 1, "collections ran during the pushes: " + collections.get());
        outliveTheGracePeriod();
        collector.collect().await().atMost(Duration.ofSeconds(60));
        for (int i = 0; i < accepted.size(); i++) {
            given().auth().oauth2(token).when().get("/v2/" + repository + "/manifests/" + tags.get(i)).then()
                    .statusCode(200);
            byte[] read = given().auth().oauth2(token).when()
                    .get("/v2/" + repository + "/blobs/" + Digest.sha256(accepted.get(i))).then()
                    .statusCode(200).extract().asByteArray();
            assertArrayEquals(accepted.get(i), read);
        }
    }

    @Test
    void onlyPlatformOperatorsRunItThroughTheApi() {
        given().auth().oauth2(token).when().post("/api/registry/v1/garbage-collections").then().statusCode(403);
    }
}
