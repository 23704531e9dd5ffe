package dev.berth.scheduler.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import static dev.berth.common.error.ApiException.invalidParameter;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * RunTask's clientToken: the first answer under a token is kept, and the same request with the
 * same token gets it again instead of new tasks. A different request under a used token is refused.
 */
@ApplicationScoped
public class RunTaskRequests {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    /** The kept answer, or null when the token is new. */
    @SuppressWarnings("unchecked")
    Future<Map<String, Object>> previous(String tenant, String cluster, String token, Object request) {
        String hash = hash(request);
        return pool.preparedQuery("SELECT request_hash, response::text AS response FROM run_task_request "
                        + "WHERE tenant = $1 AND cluster = $2 AND client_token = $3")
                .execute(Tuple.of(tenant, cluster, token))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    var row = rows.iterator().next();
                    if (!hash.equals(row.getString("request_hash"))) {
                        throw invalidParameter("clientToken: already used for a different RunTask request");
                    }
                    try {
                        return json.readValue(row.getString("response"), Map.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    Future<Map<String, Object>> record(String tenant, String cluster, String token, Object request,
                                       Map<String, Object> response) {
        try {
            return pool.preparedQuery("INSERT INTO run_task_request (tenant, cluster, client_token, request_hash, response) "
                            + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING")
                    .execute(Tuple.of(tenant, cluster, token, hash(request), new JsonObject(json.writeValueAsString(response))))
                    .map(response);
        } catch (JsonProcessingException e) {
            return Future.failedFuture(e);
        }
    }

    private String hash(Object request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
