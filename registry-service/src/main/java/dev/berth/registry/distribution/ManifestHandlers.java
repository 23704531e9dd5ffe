package dev.berth.registry.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.registry.digest.Digest;
import dev.berth.registry.events.ImageActionPublisher;
import dev.berth.registry.manifest.InvalidManifestException;
import dev.berth.registry.manifest.ManifestMediaTypes;
import dev.berth.registry.manifest.ParsedManifest;
import dev.berth.registry.metadata.MissingBlobsException;
import dev.berth.registry.metadata.Referrer;
import dev.berth.registry.metadata.RegistryMetadata;
import dev.berth.registry.metadata.StoredManifest;
import dev.berth.registry.metadata.TagImmutableException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Manifests, tags and referrers of the distribution API. */
@ApplicationScoped
public class ManifestHandlers {

    /** The OCI limit every registry must accept; larger manifests are refused. */
    static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");
    /** Tags in one answer, by default and at most. */
    private static final int DEFAULT_PAGE = 1000;
    /** Descriptors in one referrers answer at most. */
    static final int REFERRERS_PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RegistryMetadata metadata;

    @Inject
    ImageActionPublisher events;

    Future<Void> put(OciRequest r, String reference) {
        boolean byDigest = Digest.looksLikeDigest(reference);
        Digest named = byDigest ? OciError.digest(reference) : null;
        if (!byDigest && !TAG.matcher(reference).matches()) {
            return Future.failedFuture(OciError.TAG_INVALID.failure("invalid tag " + reference));
        }
        return body(r.ctx().request()).compose(bytes -> {
            ParsedManifest manifest;
            try {
                manifest = ParsedManifest.parse(bytes, r.ctx().request().getHeader("Content-Type"));
            } catch (InvalidManifestException e) {
                return Future.failedFuture(OciError.MANIFEST_INVALID.failure(e.getMessage()));
            }
            Digest digest = named == null ? manifest.digest() : Digest.of(named.algorithm(), bytes);
            if (named != null && !named.equals(digest)) {
                return Future.failedFuture(OciError.DIGEST_INVALID.failure(
                        "the manifest's digest is " + digest + ", not " + named));
            }
            return UniHelper.toFuture(metadata.missingReferences(r.repository().id(), manifest)).compose(missing -> {
                if (!missing.isEmpty()) {
                    return Future.failedFuture(OciError.MANIFEST_BLOB_UNKNOWN.failure("the manifest refers to content this repository does not have: " + missing));
                }
                return UniHelper.toFuture(metadata.putManifest(r.repository(), manifest, digest,
                                byDigest ? Optional.empty() : Optional.of(reference)))
                        .recover(failure -> failure instanceof TagImmutableException
                                ? Future.failedFuture(OciError.TAG_INVALID.failure(failure.getMessage()))
                                : failure instanceof MissingBlobsException
                                ? Future.failedFuture(OciError.MANIFEST_BLOB_UNKNOWN.failure(failure.getMessage()))
                                : Future.failedFuture(failure))
                        .map(v -> {
                            var response = OciResponses.response(r.ctx(), 201)
                                    .putHeader("Location", r.base() + "/manifests/" + digest)
                                    .putHeader(OciResponses.DIGEST_HEADER, digest.toString())
                                    .putHeader("Content-Length", "0");
                            manifest.subject().ifPresent(subject -> response.putHeader("OCI-Subject", subject.toString()));
                            response.end();
                            events.pushed(r.repository().tenant(), r.name(), digest.toString(),
                                    byDigest ? null : reference);
                            return null;
                        });
            });
        });
    }

    Future<Void> get(OciRequest r, String reference) {
        boolean byDigest = Digest.looksLikeDigest(reference);
        if (byDigest) {
            OciError.digest(reference);
        }
        return UniHelper.toFuture(metadata.manifest(r.repository().id(), reference, byDigest)).compose(found -> {
            if (found.isEmpty() || !accepted(r.ctx().request(), found.get())) {
                return Future.failedFuture(OciError.MANIFEST_UNKNOWN.failure("manifest unknown: " + reference));
            }
            StoredManifest manifest = found.get();
            var response = OciResponses.response(r.ctx(), 200)
                    .putHeader("Content-Type", manifest.mediaType())
                    .putHeader(OciResponses.DIGEST_HEADER, manifest.digest())
                    .putHeader("Content-Length", String.valueOf(manifest.content().length));
            if (r.ctx().request().method() == HttpMethod.HEAD) {
                response.end();
                return Future.succeededFuture();
            }
            response.end(Buffer.buffer(manifest.content()));
            return UniHelper.toFuture(metadata.markPulled(r.repository().id(), manifest.digest()));
        });
    }

    Future<Void> delete(OciRequest r, String reference) {
        boolean byDigest = Digest.looksLikeDigest(reference);
        String digest = byDigest ? OciError.digest(reference).toString() : null;
        Uni<Optional<String>> deleted = byDigest
                ? metadata.deleteManifest(r.repository().id(), digest).map(existed -> existed ? Optional.of(digest)
                        : Optional.<String>empty())
                : metadata.deleteTag(r.repository().id(), reference);
        return UniHelper.toFuture(deleted).compose(deletedDigest -> {
            if (deletedDigest.isEmpty()) {
                return Future.failedFuture(OciError.MANIFEST_UNKNOWN.failure("manifest unknown: " + reference));
            }
            OciResponses.response(r.ctx(), 202).end();
            events.deleted(r.repository().tenant(), r.name(), deletedDigest.get(), byDigest ? null : reference);
            return Future.succeededFuture();
        });
    }

    Future<Void> tags(OciRequest r) {
        HttpServerRequest request = r.ctx().request();
        int n;
        try {
            n = request.getParam("n") == null ? DEFAULT_PAGE : Integer.parseInt(request.getParam("n"));
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0) {
            return Future.failedFuture(OciError.UNSUPPORTED.failure(400, "n must be a non-negative number"));
        }
        // a larger n gets a page of the most there is room for, with a Link to the rest, as the spec allows
        int limit = Math.min(n, DEFAULT_PAGE);
        String last = request.getParam("last");
        Future<List<String>> page = limit == 0 ? Future.succeededFuture(List.of())
                : UniHelper.toFuture(metadata.tags(r.repository().id(), last, limit + 1));
        return page.map(tags -> {
            boolean more = tags.size() > limit;
            List<String> shown = more ? tags.subList(0, limit) : tags;
            ObjectNode body = JSON.createObjectNode().put("name", r.name());
            shown.forEach(body.putArray("tags")::add);
            if (shown.isEmpty()) {
                body.putArray("tags");
            }
            var response = OciResponses.response(r.ctx(), 200).putHeader("Content-Type", "application/json");
            if (more) {
                response.putHeader("Link", "<" + r.base() + "/tags/list?n=" + limit + "&last="
                        + URLEncoder.encode(shown.get(shown.size() - 1), StandardCharsets.UTF_8) + ">; rel=\"next\"");
            }
            response.end(body.toString());
            return null;
        });
    }

    /**
     * The referrers API, paged: at most {@link #REFERRERS_PAGE} descriptors and about
     * {@link #MAX_MANIFEST_BYTES} of the referring manifests per answer (the first one always),
     * the rest behind a {@code Link: <...?last=<digest>>; rel="next"} header, as the OCI spec
     * allows; so neither the answer nor what is read to build it grows with the number of referrers.
     */
    Future<Void> referrers(OciRequest r, String subjectText) {
        Digest subject = OciError.digest(subjectText);
        String artifactType = r.ctx().request().getParam("artifactType");
        String last = r.ctx().request().getParam("last");
        long repositoryId = r.repository().id();
        return UniHelper.toFuture(metadata.referrers(repositoryId, subject.toString(), artifactType, last,
                        REFERRERS_PAGE + 1))
                .compose(candidates -> {
                    List<Referrer> page = new ArrayList<>();
                    long bytes = 0;
                    for (Referrer referrer : candidates.subList(0, Math.min(REFERRERS_PAGE, candidates.size()))) {
                        if (!page.isEmpty() && bytes + referrer.size() > MAX_MANIFEST_BYTES) {
                            break;
                        }
                        page.add(referrer);
                        bytes += referrer.size();
                    }
                    boolean more = page.size() < candidates.size();
                    return UniHelper.toFuture(metadata.manifestContents(repositoryId,
                                    page.stream().map(Referrer::digest).toList()))
                            .map(contents -> {
                                writeReferrers(r, subject, artifactType, page, contents, more);
                                return null;
                            });
                });
    }

    private static void writeReferrers(OciRequest r, Digest subject, String artifactType, List<Referrer> page,
                                       Map<String, byte[]> contents, boolean more) {
        ObjectNode index = JSON.createObjectNode()
                .put("schemaVersion", 2)
                .put("mediaType", ManifestMediaTypes.OCI_INDEX);
        ArrayNode manifests = index.putArray("manifests");
        for (Referrer referrer : page) {
            ObjectNode descriptor = manifests.addObject()
                    .put("mediaType", referrer.mediaType())
                    .put("digest", referrer.digest())
                    .put("size", referrer.size());
            if (referrer.artifactType() != null) {
                descriptor.put("artifactType", referrer.artifactType());
            }
            annotationsOf(contents.get(referrer.digest())).ifPresent(a -> descriptor.set("annotations", a));
        }
        var response = OciResponses.response(r.ctx(), 200).putHeader("Content-Type", ManifestMediaTypes.OCI_INDEX);
        if (artifactType != null) {
            response.putHeader("OCI-Filters-Applied", "artifactType");
        }
        if (more) {
            response.putHeader("Link", "<" + r.base() + "/referrers/" + subject + "?last="
                    + URLEncoder.encode(page.get(page.size() - 1).digest(), StandardCharsets.UTF_8)
                    + (artifactType == null ? "" : "&artifactType=" + URLEncoder.encode(artifactType, StandardCharsets.UTF_8))
                    + ">; rel=\"next\"");
        }
        response.end(index.toString());
    }

    private static Optional<JsonNode> annotationsOf(byte[] content) {
        if (content == null) {
            return Optional.empty();
        }
        try {
            var annotations = JSON.readTree(content).path("annotations");
            return annotations.isObject() && !annotations.isEmpty() ? Optional.of(annotations) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the client's Accept header (if any) takes the stored media type. */
    private static boolean accepted(HttpServerRequest request, StoredManifest manifest) {
        List<String> accept = request.headers().getAll("Accept");
        if (accept.isEmpty()) {
            return true;
        }
        for (String header : accept) {
            for (String type : header.split(",")) {
                String t = type.split(";")[0].trim();
                if (t.equals(manifest.mediaType()) || t.equals("*/*") || t.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request body, refused beyond {@link #MAX_MANIFEST_BYTES}. */
    private static Future<byte[]> body(HttpServerRequest request) {
        Promise<byte[]> promise = Promise.promise();
        Buffer collected = Buffer.buffer();
        request.handler(chunk -> {
            if (collected.length() + chunk.length() > MAX_MANIFEST_BYTES) {
                promise.tryFail(OciError.MANIFEST_INVALID.failure(413, "the manifest is larger than 4 MiB"));
                return;
            }
            collected.appendBuffer(chunk);
        });
        request.exceptionHandler(promise::tryFail);
        request.endHandler(v -> promise.tryComplete(collected.getBytes()));
        request.resume();
        return promise.future();
    }

}
