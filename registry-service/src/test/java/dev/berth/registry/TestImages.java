package dev.berth.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.berth.registry.digest.Digest;
import java.nio.charset.StandardCharsets;

/** Pushes blobs and small OCI images through the distribution API, as the registry's tests need them. */
public final class TestImages {

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    /** A pushed image: the manifest's text and digest, and the status its PUT got. */
    public record Pushed(String manifest, String digest, int status) {
    }

    private TestImages() {
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Pushes a blob in one request (expects 201 with its location and digest) and returns its digest. */
    public static String pushBlob(String token, String repository, byte[] content) {
        String digest = Digest.sha256(content).toString();
        given().auth().oauth2(token).contentType("application/octet-stream").body(content).queryParam("digest", digest)
                .when().post("/v2/" + repository + "/blobs/uploads/").then()
                .statusCode(201)
                .header("Location", equalTo("/v2/" + repository + "/blobs/" + digest))
                .header("Docker-Content-Digest", equalTo(digest));
        return digest;
    }

    /**
     * An OCI image manifest with a config, one layer or none ({@code layerDigest} null), and
     * {@code extra} top-level fields (",\"subject\":{...}" or "").
     */
    public static String imageManifest(String configDigest, long configSize, String layerDigest, long layerSize,
                                       String extra) {
        String layers = layerDigest == null ? "[]"
                : "[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + layerDigest
                + "\",\"size\":" + layerSize + "}]";
        return "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                + "\",\"size\":" + configSize + "},\"layers\":" + layers + extra + "}";
    }

    /** PUTs an OCI manifest under a tag or digest and returns the status. */
    public static int putManifest(String token, String repository, String reference, String manifest) {
        return given().auth().oauth2(token).contentType(OCI_MANIFEST).body(manifest)
                .when().put("/v2/" + repository + "/manifests/" + reference).then().extract().statusCode();
    }

    /** Pushes the config, the layer (unless null) and then the manifest under {@code reference}. */
    public static Pushed pushImage(String token, String repository, String reference, byte[] config, byte[] layer) {
        String configDigest = pushBlob(token, repository, config);
        String layerDigest = layer == null ? null : pushBlob(token, repository, layer);
        String manifest = imageManifest(configDigest, config.length, layerDigest, layer == null ? 0 : layer.length, "");
        String digest = Digest.sha256(bytes(manifest)).toString();
        return new Pushed(manifest, digest, putManifest(token, repository, reference == null ? digest : reference, manifest));
    }
}
