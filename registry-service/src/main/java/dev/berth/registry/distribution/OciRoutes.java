package dev.berth.registry.distribution;

import dev.berth.common.auth.JwtClaims;
import dev.berth.common.auth.Principal;
import dev.berth.common.auth.RegistryAccess;
import dev.berth.common.http.ChallengeScope;
import dev.berth.common.http.RegistryChallenge;
import dev.berth.registry.metadata.RegistryMetadata;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The OCI distribution API under {@code /v2/<name>/...}: parses the path, checks the caller's
 * right on the repository (another tenant's repository is "unknown", never "forbidden"), and
 * hands the call to the blob, upload, manifest, tag or referrers handler.
 */
@ApplicationScoped
public class OciRoutes {

    private static final Logger LOG = Logger.getLogger(OciRoutes.class);
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern PATH = Pattern.compile("^/v2/(" + COMPONENT + "(?:/" + COMPONENT + ")*)/"
            + "(?:blobs/uploads/(?<upload>[^/]*)|blobs/(?<digest>[^/]+)|manifests/(?<reference>[^/]+)"
            + "|(?<tags>tags/list)|referrers/(?<subject>[^/]+))$");
    /** After authentication, like the REST resources. */
    private static final int ROUTE_ORDER = 1_000;

    @Inject
    RegistryMetadata metadata;

    @Inject
    BlobHandlers blobs;

    @Inject
    RepositoryAuthorizer authorizer;

    @Inject
    ManifestHandlers manifests;

    void install(@Observes Router router) {
        ChallengeScope.install(router);
        router.routeWithRegex("^/v2/.+").order(ROUTE_ORDER).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        Matcher m = PATH.matcher(ctx.normalizedPath());
        if (!m.matches()) {
            if (looksLikeACall(ctx.normalizedPath())) {
                OciResponses.error(ctx, OciError.NAME_INVALID.failure("invalid repository name"));
            } else {
                ctx.next();
            }
            return;
        }
        Optional<Principal> caller = ctx.user() instanceof QuarkusHttpUser user
                ? JwtClaims.principalOf(user.getSecurityIdentity()) : Optional.empty();
        if (caller.isEmpty()) {
            RegistryChallenge.unauthorized(ctx, false);
            return;
        }
        // a body is read only once the caller and the repository are checked; until then it waits
        ctx.request().pause();
        OciRequest request = new OciRequest(ctx, caller.get(), m.group(1), null);
        HttpMethod method = ctx.request().method();
        Future<Void> done;
        if (m.group("upload") != null) {
            String upload = decoded(m.group("upload"));
            done = upload.isEmpty()
                    ? (method == HttpMethod.POST ? forPush(request, blobs::startUpload) : unsupported(method))
                    : switch (method.name()) {
                        case "PATCH" -> forPush(request, r -> blobs.appendChunk(r, upload));
                        case "PUT" -> forPush(request, r -> blobs.finishUpload(r, upload));
                        case "GET" -> forPush(request, r -> blobs.uploadStatus(r, upload));
                        case "DELETE" -> forPush(request, r -> blobs.cancelUpload(r, upload));
                        default -> unsupported(method);
                    };
        } else if (m.group("digest") != null) {
            String digest = decoded(m.group("digest"));
            done = switch (method.name()) {
                case "GET", "HEAD" -> existing(request, RegistryAccess.PULL, r -> blobs.get(r, digest));
                case "DELETE" -> existing(request, RegistryAccess.DELETE, r -> blobs.delete(r, digest));
                default -> unsupported(method);
            };
        } else if (m.group("reference") != null) {
            String reference = decoded(m.group("reference"));
            done = switch (method.name()) {
                case "GET", "HEAD" -> existing(request, RegistryAccess.PULL, r -> manifests.get(r, reference));
                case "PUT" -> forPush(request, r -> manifests.put(r, reference));
                case "DELETE" -> existing(request, RegistryAccess.DELETE, r -> manifests.delete(r, reference));
                default -> unsupported(method);
            };
        } else if (m.group("tags") != null) {
            done = method == HttpMethod.GET ? existing(request, RegistryAccess.PULL, manifests::tags) : unsupported(method);
        } else {
            String subject = decoded(m.group("subject"));
            done = method == HttpMethod.GET
                    ? existing(request, RegistryAccess.PULL, r -> manifests.referrers(r, subject)) : unsupported(method);
        }
        done.onComplete(ignored -> ctx.request().resume()).onFailure(failure -> {
            if (failure instanceof OciError.OciFailure oci) {
                OciResponses.error(ctx, oci);
            } else {
                LOG.errorf(failure, "%s %s failed", method, ctx.normalizedPath());
                OciResponses.serverError(ctx);
            }
        });
    }

    /** A call on a repository that must exist, after checking the caller may do {@code action} there. */
    private Future<Void> existing(OciRequest request, String action, Function<OciRequest, Future<Void>> handler) {
        return authorize(request, action)
                .compose(v -> UniHelper.toFuture(metadata.repository(request.name())))
                .compose(repository -> repository.isEmpty()
                        ? Future.failedFuture(unknownName(request))
                        : handler.apply(request.withRepository(repository.get())));
    }

    /** A push: the repository is created on its first push (like ECR's create-on-push). */
    private Future<Void> forPush(OciRequest request, Function<OciRequest, Future<Void>> handler) {
        return authorize(request, RegistryAccess.PUSH)
                .compose(v -> UniHelper.toFuture(
                        metadata.repositoryForPush(RegistryAccess.tenantOf(request.name()), request.name())))
                .compose(repository -> {
                    sendContinueIfExpected(request.ctx());
                    return handler.apply(request.withRepository(repository));
                });
    }

    /** A client that sent {@code Expect: 100-continue} sends its body once the push is known to be allowed. */
    private static void sendContinueIfExpected(RoutingContext ctx) {
        if ("100-continue".equalsIgnoreCase(ctx.request().getHeader("Expect")) && !ctx.response().headWritten()) {
            ctx.response().writeContinue();
        }
    }

    private Future<Void> authorize(OciRequest request, String action) {
        return authorizer.authorize(request.caller(), request.name(), action);
    }

    /** A distribution call on a repository whose name is not valid (no regex: the path is the client's). */
    private static boolean looksLikeACall(String path) {
        for (String operation : new String[] {"/blobs/", "/manifests/", "/tags/", "/referrers/"}) {
            if (path.indexOf(operation, "/v2/".length()) > "/v2/".length()) {
                return true;
            }
        }
        return false;
    }

    /** Path parameters as sent, percent-decoded (some clients encode the ':' of a digest). */
    private static String decoded(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static OciError.OciFailure unknownName(OciRequest request) {
        return RepositoryAuthorizer.unknownName(request.name());
    }

    private static Future<Void> unsupported(HttpMethod method) {
        return Future.failedFuture(OciError.UNSUPPORTED.failure(method + " is not supported here"));
    }
}
