package dev.berth.registry.distribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static dev.berth.registry.TestImages.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.registry.TestImages;
import dev.berth.registry.digest.Digest;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OCI distribution API on the registry itself, with real tokens, PostgreSQL and files. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class DistributionProtocolIT {

    @TestHTTPResource("/")
    URL base;

    private String repo;
    private String token;

    @BeforeEach
    void freshRepository() {
        repo = "acme/proto-" + UUID.randomUUID().toString().substring(0, 8);
        token = Tokens.forDemoUser("acme-admin");
    }

    private RequestSpecification as(String bearer) {
        return given().auth().oauth2(bearer);
    }

    private RequestSpecification admin() {
        return as(token);
    }

    /** Pushes a blob to this test's repository in one request and returns its digest. */
    private String pushBlob(byte[] content) {
        return TestImages.pushBlob(token, repo, content);
    }

    private static String manifest(String configDigest, int configSize, String layerDigest, int layerSize, String extra) {
        return TestImages.imageManifest(configDigest, configSize, layerDigest, layerSize, extra);
    }

    @Test
    void monolithicUploadThenHeadGetAndRange() {
        byte[] content = bytes("hello, registry");
        String digest = pushBlob(content);
        admin().when().head("/v2/" + repo + "/blobs/" + digest).then()
                .statusCode(200)
                .header("Content-Length", String.valueOf(content.length))
                .header("Docker-Content-Digest", digest);
        byte[] read = admin().when().get("/v2/" + repo + "/blobs/" + digest).then()
                .statusCode(200).extract().asByteArray();
        assertArrayEquals(content, read);
        byte[] part = admin().header("Range", "bytes=7-14").when().get("/v2/" + repo + "/blobs/" + digest).then()
                .statusCode(206)
                .header("Content-Range", "bytes 7-14/" + content.length)
                .extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(content, 7, 15), part);
        admin().header("Range", "bytes=100-200").when().get("/v2/" + repo + "/blobs/" + digest).then()
                .statusCode(416);
        admin().header("Range", "bytes=99999999999999999999-").when().get("/v2/" + repo + "/blobs/" + digest).then()
                .statusCode(416);
        admin().when().get("/v2/" + repo + "/blobs/sha256:" + "0".repeat(64)).then()
                .statusCode(404).body("errors[0].code", equalTo("BLOB_UNKNOWN"));
        admin().when().get("/v2/" + repo + "/blobs/sha256:nothex").then()
                .statusCode(400).body("errors[0].code", equalTo("DIGEST_INVALID"));
    }

    @Test
    void chunkedUploadInOrderWithStatusAndOutOfOrderRefused() {
        byte[] first = bytes("0123456789");
        byte[] last = bytes("abcdef");
        byte[] whole = bytes("0123456789abcdef");
        String digest = Digest.sha256(whole).toString();
        String location = admin().when().post("/v2/" + repo + "/blobs/uploads/").then()
                .statusCode(202)
                .header("Range", "0-0")
                .extract().header("Location");
        admin().contentType("application/octet-stream").header("Content-Range", "0-9").body(first)
                .when().patch(location).then()
                .statusCode(202).header("Range", "0-9").header("Location", location);
        admin().contentType("application/octet-stream").header("Content-Range", "20-25").body(last)
                .when().patch(location).then()
                .statusCode(416).header("Range", "0-9").body("errors[0].code", equalTo("BLOB_UPLOAD_INVALID"));
        admin().when().get(location).then().statusCode(204).header("Range", "0-9");
        admin().contentType("application/octet-stream").header("Content-Range", "10-99999999999999999999").body(last)
                .when().patch(location).then()
                .statusCode(416).body("errors[0].code", equalTo("BLOB_UPLOAD_INVALID"));
        admin().contentType("application/octet-stream").body(last).queryParam("digest", digest)
                .when().put(location).then()
                .statusCode(201).header("Docker-Content-Digest", digest);
        assertArrayEquals(whole, admin().when().get("/v2/" + repo + "/blobs/" + digest).then()
                .statusCode(200).extract().asByteArray());
        admin().when().get(location).then().statusCode(404).body("errors[0].code", equalTo("BLOB_UPLOAD_UNKNOWN"));
    }

    @Test
    void blobsLargerThanTheWriteQueueArriveWholeInOneRequestOrInChunks() {
        byte[] content = new byte[24 << 20]; // the upload file sink queues at most 4 MiB before pausing the body
        new Random(42).nextBytes(content);
        String digest = pushBlob(content);
        assertArrayEquals(content, admin().when().get("/v2/" + repo + "/blobs/" + digest).then()
                .statusCode(200).extract().asByteArray());

        content[0]++;
        String chunkedDigest = Digest.sha256(content).toString();
        int half = content.length / 2;
        String location = admin().when().post("/v2/" + repo + "/blobs/uploads/").then()
                .statusCode(202).extract().header("Location");
        admin().contentType("application/octet-stream").header("Content-Range", "0-" + (half - 1))
                .body(Arrays.copyOfRange(content, 0, half))
                .when().patch(location).then().statusCode(202).header("Range", "0-" + (half - 1));
        admin().contentType("application/octet-stream").body(Arrays.copyOfRange(content, half, content.length))
                .queryParam("digest", chunkedDigest).when().put(location).then()
                .statusCode(201).header("Docker-Content-Digest", chunkedDigest);
        admin().when().head("/v2/" + repo + "/blobs/" + chunkedDigest).then()
                .statusCode(200).header("Content-Length", String.valueOf(content.length));
    }

    @Test
    void aClientThatExpects100ContinueGetsItBeforeSendingTheChunk() throws Exception {
        byte[] chunk = bytes("sent only after 100 Continue");
        String location = admin().when().post("/v2/" + repo + "/blobs/uploads/").then()
                .statusCode(202).extract().header("Location");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + location + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Range: 0-" + (chunk.length - 1) + "\r\nContent-Length: " + chunk.length + "\r\n"
                    + "Expect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 100 Continue", in.readLine()); // before any of the body was sent
            assertEquals("", in.readLine());
            out.write(chunk);
            out.flush();
            assertEquals("HTTP/1.1 202 Accepted", in.readLine());
        }
        admin().when().get(location).then().statusCode(204).header("Range", "0-" + (chunk.length - 1));
    }

    @Test
    void aWrongDigestKeepsNothing() {
        byte[] content = bytes("not what you said");
        String claimed = Digest.sha256(bytes("something else")).toString();
        admin().contentType("application/octet-stream").body(content).queryParam("digest", claimed)
                .when().post("/v2/" + repo + "/blobs/uploads/").then()
                .statusCode(400).body("errors[0].code", equalTo("DIGEST_INVALID"));
        admin().when().head("/v2/" + repo + "/blobs/" + claimed).then().statusCode(404);
        admin().when().head("/v2/" + repo + "/blobs/" + Digest.sha256(content)).then().statusCode(404);
    }

    @Test
    void cancelledUploadIsGone() {
        String location = admin().when().post("/v2/" + repo + "/blobs/uploads/").then().statusCode(202)
                .extract().header("Location");
        admin().when().delete(location).then().statusCode(204);
        admin().when().get(location).then().statusCode(404);
    }

    @Test
    void manifestsByTagAndDigestWithTagPaginationAndDeletion() {
        byte[] config = bytes("{\"architecture\":\"amd64\",\"os\":\"linux\"}");
        byte[] layer = bytes("layer bytes");
        String configDigest = pushBlob(config);
        String layerDigest = pushBlob(layer);
        String body = manifest(configDigest, config.length, layerDigest, layer.length, "");
        String digest = Digest.sha256(bytes(body)).toString();
        for (String tag : List.of("b", "a", "c")) {
            admin().contentType("application/vnd.oci.image.manifest.v1+json").body(body)
                    .when().put("/v2/" + repo + "/manifests/" + tag).then()
                    .statusCode(201)
                    .header("Docker-Content-Digest", digest)
                    .header("Location", "/v2/" + repo + "/manifests/" + digest);
        }
        admin().header("Accept", "application/vnd.oci.image.manifest.v1+json")
                .when().get("/v2/" + repo + "/manifests/a").then()
                .statusCode(200)
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                .header("Docker-Content-Digest", digest)
                .body(equalTo(body));
        admin().when().head("/v2/" + repo + "/manifests/" + digest).then()
                .statusCode(200).header("Content-Length", String.valueOf(bytes(body).length));

        admin().queryParam("n", 2).when().get("/v2/" + repo + "/tags/list").then()
                .statusCode(200)
                .body("name", equalTo(repo))
                .body("tags", equalTo(List.of("a", "b")))
                .header("Link", "</v2/" + repo + "/tags/list?n=2&last=b>; rel=\"next\"");
        admin().queryParam("n", 2).queryParam("last", "b").when().get("/v2/" + repo + "/tags/list").then()
                .statusCode(200).body("tags", equalTo(List.of("c"))).header("Link", nullValue());
        // n is capped at a page of 1000, never taken as is
        admin().queryParam("n", Integer.MAX_VALUE).when().get("/v2/" + repo + "/tags/list").then()
                .statusCode(200).body("tags", equalTo(List.of("a", "b", "c")));

        admin().when().delete("/v2/" + repo + "/manifests/c").then().statusCode(202);
        admin().when().get("/v2/" + repo + "/manifests/c").then()
                .statusCode(404).body("errors[0].code", equalTo("MANIFEST_UNKNOWN"));
        admin().when().delete("/v2/" + repo + "/manifests/" + digest).then().statusCode(202);
        admin().when().get("/v2/" + repo + "/manifests/a").then().statusCode(404);
    }

    @Test
    void aManifestMustOnlyReferToContentTheRepositoryHas() {
        byte[] config = bytes("{}");
        String configDigest = pushBlob(config);
        String missingLayer = Digest.sha256(bytes("never pushed")).toString();
        admin().contentType("application/vnd.oci.image.manifest.v1+json")
                .body(manifest(configDigest, config.length, missingLayer, 12, ""))
                .when().put("/v2/" + repo + "/manifests/latest").then()
                .statusCode(400)
                .body("errors[0].code", equalTo("MANIFEST_BLOB_UNKNOWN"))
                .body("errors[0].message", containsString(missingLayer));
        admin().contentType("application/vnd.oci.image.manifest.v1+json").body("{not json")
                .when().put("/v2/" + repo + "/manifests/latest").then()
                .statusCode(400).body("errors[0].code", equalTo("MANIFEST_INVALID"));
        admin().contentType("application/vnd.oci.image.manifest.v1+json")
                .body(manifest(configDigest, config.length, configDigest, config.length, ""))
                .when().put("/v2/" + repo + "/manifests/sha256:" + "1".repeat(64)).then()
                .statusCode(400).body("errors[0].code", equalTo("DIGEST_INVALID"));
    }

    @Test
    void referrersListManifestsWithASubjectFilteredByArtifactType() {
        byte[] config = bytes("{}");
        String configDigest = pushBlob(config);
        String image = manifest(configDigest, config.length, configDigest, config.length, "");
        String imageDigest = Digest.sha256(bytes(image)).toString();
        admin().contentType("application/vnd.oci.image.manifest.v1+json").body(image)
                .when().put("/v2/" + repo + "/manifests/v1").then().statusCode(201);
        String signature = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"artifactType\":\"application/vnd.example.signature\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + configDigest
                + "\",\"size\":" + config.length + "},\"layers\":[],"
                + "\"subject\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
                + imageDigest + "\",\"size\":" + bytes(image).length + "},\"annotations\":{\"signed-by\":\"ci\"}}";
        String signatureDigest = Digest.sha256(bytes(signature)).toString();
        admin().contentType("application/vnd.oci.image.manifest.v1+json").body(signature)
                .when().put("/v2/" + repo + "/manifests/" + signatureDigest).then()
                .statusCode(201).header("OCI-Subject", imageDigest);
        admin().when().get("/v2/" + repo + "/referrers/" + imageDigest).then()
                .statusCode(200)
                .header("Content-Type", "application/vnd.oci.image.index.v1+json")
                .body("manifests.digest", equalTo(List.of(signatureDigest)))
                .body("manifests[0].artifactType", equalTo("application/vnd.example.signature"))
                .body("manifests[0].annotations.signed-by", equalTo("ci"));
        admin().queryParam("artifactType", "application/vnd.other").when().get("/v2/" + repo + "/referrers/" + imageDigest)
                .then().statusCode(200).header("OCI-Filters-Applied", "artifactType")
                .body("manifests", equalTo(List.of()));
    }

    @Test
    void blobsMountFromAnotherRepositoryOfTheTenant() {
        String digest = pushBlob(bytes("shared layer"));
        String other = "acme/proto-other-" + UUID.randomUUID().toString().substring(0, 8);
        admin().queryParam("mount", digest).queryParam("from", repo)
                .when().post("/v2/" + other + "/blobs/uploads/").then()
                .statusCode(201).header("Docker-Content-Digest", digest);
        admin().when().head("/v2/" + other + "/blobs/" + digest).then().statusCode(200);
        String third = "acme/proto-third-" + UUID.randomUUID().toString().substring(0, 8);
        // without from, nothing says the caller may pull the blob: a plain upload session, as the OCI spec falls back to
        admin().queryParam("mount", digest).when().post("/v2/" + third + "/blobs/uploads/").then()
                .statusCode(202).header("Location", containsString("/blobs/uploads/"));
        admin().when().head("/v2/" + third + "/blobs/" + digest).then().statusCode(404);
        admin().queryParam("mount", Digest.sha256(bytes("unknown")).toString()).queryParam("from", repo)
                .when().post("/v2/" + third + "/blobs/uploads/").then().statusCode(202);
    }

    @Test
    void aMountNeedsPullRightsOnItsSource() {
        String digest = pushBlob(bytes("only acme may pull this"));
        String globex = Tokens.forDemoUser("globex-admin");
        String target = "globex/mount-" + UUID.randomUUID().toString().substring(0, 8);
        as(globex).queryParam("mount", digest).queryParam("from", repo)
                .when().post("/v2/" + target + "/blobs/uploads/").then().statusCode(202);
        as(globex).queryParam("mount", digest).when().post("/v2/" + target + "/blobs/uploads/").then().statusCode(202);
        as(globex).when().head("/v2/" + target + "/blobs/" + digest).then().statusCode(404);
        // a repository policy that lets globex pull is a pull right like any other
        admin().contentType("application/json")
                .body(java.util.Map.of("policyText", "{\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":\"arn:berth:iam::globex:root\"},\"Action\":\"ecr:BatchGetImage\"}]}"))
                .when().put("/api/registry/v1/repositories/" + repo.substring("acme/".length()) + "/policy")
                .then().statusCode(200);
        as(globex).queryParam("mount", digest).queryParam("from", repo)
                .when().post("/v2/" + target + "/blobs/uploads/").then().statusCode(201);
        as(globex).when().head("/v2/" + target + "/blobs/" + digest).then().statusCode(200);
    }

    @Test
    void referrersArePagedByTheBytesOfTheirManifests() {
        byte[] config = bytes("{}");
        String configDigest = pushBlob(config);
        String image = manifest(configDigest, config.length, configDigest, config.length, "");
        String imageDigest = Digest.sha256(bytes(image)).toString();
        admin().contentType("application/vnd.oci.image.manifest.v1+json").body(image)
                .when().put("/v2/" + repo + "/manifests/v1").then().statusCode(201);
        List<String> referrers = new java.util.ArrayList<>();
        for (String fill : List.of("a", "b")) {
            // two referrers of 3 MiB each: one answer holds about 4 MiB of them
            String referrer = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"artifactType\":\"application/vnd.example.sbom\","
                    + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + configDigest
                    + "\",\"size\":" + config.length + "},\"layers\":[],"
                    + "\"subject\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
                    + imageDigest + "\",\"size\":" + bytes(image).length + "},\"annotations\":{\"fill\":\""
                    + fill.repeat(3 * 1024 * 1024) + "\"}}";
            String digest = Digest.sha256(bytes(referrer)).toString();
            admin().contentType("application/vnd.oci.image.manifest.v1+json").body(referrer)
                    .when().put("/v2/" + repo + "/manifests/" + digest).then().statusCode(201);
            referrers.add(digest);
        }
        referrers.sort(null);
        String next = admin().when().get("/v2/" + repo + "/referrers/" + imageDigest).then()
                .statusCode(200)
                .body("manifests.digest", equalTo(List.of(referrers.get(0))))
                .extract().header("Link");
        org.junit.jupiter.api.Assertions.assertNotNull(next, "a Link to the next page");
        String nextPath = next.substring(next.indexOf('<') + 1, next.indexOf('>'));
        admin().urlEncodingEnabled(false).when().get(nextPath).then()
                .statusCode(200)
                .header("Link", nullValue())
                .body("manifests.digest", equalTo(List.of(referrers.get(1))));
    }

    @Test
    void otherTenantsSeeNothingAndViewersCannotPush() {
        String digest = pushBlob(bytes("private"));
        String globex = Tokens.forDemoUser("globex-admin");
        as(globex).when().head("/v2/" + repo + "/blobs/" + digest).then().statusCode(404);
        as(globex).when().get("/v2/" + repo + "/tags/list").then()
                .statusCode(404).body("errors[0].code", equalTo("NAME_UNKNOWN"));
        as(globex).when().post("/v2/" + repo + "/blobs/uploads/").then().statusCode(404);
        as(globex).queryParam("mount", digest).queryParam("from", repo)
                .when().post("/v2/globex/stolen/blobs/uploads/").then().statusCode(202);

        String viewer = Tokens.forDemoUser("acme-viewer");
        as(viewer).when().head("/v2/" + repo + "/blobs/" + digest).then().statusCode(200);
        as(viewer).when().post("/v2/" + repo + "/blobs/uploads/").then()
                .statusCode(403).body("errors[0].code", equalTo("DENIED"));
        as(viewer).when().delete("/v2/" + repo + "/blobs/" + digest).then().statusCode(403);
        given().when().get("/v2/" + repo + "/tags/list").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer realm="))
                .header("WWW-Authenticate", containsString(",scope=\"repository:" + repo + ":pull\""));
        given().when().post("/v2/" + repo + "/blobs/uploads/").then().statusCode(401)
                .header("WWW-Authenticate", containsString(",scope=\"repository:" + repo + ":pull,push\""));
    }

    @Test
    void sha512DigestsForBlobsAndManifests() {
        byte[] content = bytes("sha512 content");
        String digest = Digest.of(Digest.Algorithm.SHA512, content).toString();
        admin().contentType("application/octet-stream").body(content).queryParam("digest", digest)
                .when().post("/v2/" + repo + "/blobs/uploads/").then()
                .statusCode(201).header("Docker-Content-Digest", digest);
        assertArrayEquals(content, admin().when().get("/v2/" + repo + "/blobs/" + digest).then()
                .statusCode(200).extract().asByteArray());

        byte[] chunked = bytes("chunked, then checked as sha512");
        String chunkedDigest = Digest.of(Digest.Algorithm.SHA512, chunked).toString();
        String location = admin().when().post("/v2/" + repo + "/blobs/uploads/").then().statusCode(202)
                .extract().header("Location");
        admin().contentType("application/octet-stream").body(chunked).when().patch(location).then().statusCode(202);
        admin().contentType("application/octet-stream").queryParam("digest", chunkedDigest).when().put(location).then()
                .statusCode(201).header("Docker-Content-Digest", chunkedDigest);

        String config = pushBlob(bytes("{}"));
        String body = manifest(config, 2, digest, content.length, "");
        String manifestDigest = Digest.of(Digest.Algorithm.SHA512, bytes(body)).toString();
        admin().contentType("application/vnd.oci.image.manifest.v1+json").body(body)
                .when().put("/v2/" + repo + "/manifests/" + manifestDigest).then()
                .statusCode(201).header("Docker-Content-Digest", manifestDigest);
        admin().when().get("/v2/" + repo + "/manifests/" + manifestDigest).then()
                .statusCode(200).header("Docker-Content-Digest", manifestDigest).body(equalTo(body));
    }

    @Test
    void anIndexNeedsItsManifestsAndServesWithItsOwnMediaType() {
        byte[] config = bytes("{\"os\":\"linux\"}");
        String configDigest = pushBlob(config);
        String amd64 = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"digest\":\""
                + configDigest + "\",\"size\":" + config.length + "},\"layers\":[]}";
        String amd64Digest = Digest.sha256(bytes(amd64)).toString();
        String list = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.list.v2+json\","
                + "\"manifests\":[{\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\",\"digest\":\""
                + amd64Digest + "\",\"size\":" + bytes(amd64).length
                + ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}]}";
        admin().contentType("application/vnd.docker.distribution.manifest.list.v2+json").body(list)
                .when().put("/v2/" + repo + "/manifests/multi").then()
                .statusCode(400).body("errors[0].code", equalTo("MANIFEST_BLOB_UNKNOWN"));
        admin().contentType("application/vnd.docker.distribution.manifest.v2+json").body(amd64)
                .when().put("/v2/" + repo + "/manifests/" + amd64Digest).then().statusCode(201);
        admin().contentType("application/vnd.docker.distribution.manifest.list.v2+json").body(list)
                .when().put("/v2/" + repo + "/manifests/multi").then().statusCode(201);
        admin().header("Accept", "application/vnd.docker.distribution.manifest.list.v2+json, "
                        + "application/vnd.docker.distribution.manifest.v2+json")
                .when().get("/v2/" + repo + "/manifests/multi").then()
                .statusCode(200)
                .header("Content-Type", "application/vnd.docker.distribution.manifest.list.v2+json")
                .body(equalTo(list));
        admin().header("Accept", "application/vnd.oci.image.manifest.v1+json")
                .when().get("/v2/" + repo + "/manifests/multi").then()
                .statusCode(404).body("errors[0].code", equalTo("MANIFEST_UNKNOWN"));
        admin().contentType("application/vnd.oci.image.index.v1+json").body(list)
                .when().put("/v2/" + repo + "/manifests/mismatch").then()
                .statusCode(400).body("errors[0].code", equalTo("MANIFEST_INVALID"));
    }
}
