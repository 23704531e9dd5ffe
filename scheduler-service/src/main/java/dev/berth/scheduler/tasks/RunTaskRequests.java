package dev.berth.scheduler.tasks;

import dev.berth.common.error.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * RunTask's clientToken: the first answer under a token is kept, and the same request with the
 * same token gets it again instead of new tasks, also when both arrive at once. A different
 * request under a used token is refused.
 */
@ApplicationScoped
public class RunTaskRequests {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    /**
     * The answer kept under the token, or {@code run}'s answer kept under it. Requests with one
     * token take turns (an advisory lock held until the answer is kept), so two sent at once
     * start tasks only once.
     */
    Uni<TasksResource.RunTaskResponse> once(String tenant, String cluster, String token, Object request,
                                               Supplier<Uni<TasksResource.RunTaskResponse>> run) {
        String hash = hash(request);
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of("run-task/" + tenant + "/" + cluster + "/" + token))
                .chain(locked -> connection.preparedQuery("SELECT request_hash, response::text AS response "
                                + "FROM run_task_request WHERE tenant = $1 AND cluster = $2 AND client_token = $3")
                        .execute(Tuple.of(tenant, cluster, token)))
                .chain(rows -> {
                    if (rows.size() > 0) {
                        return Uni.createFrom().item(previous(rows.iterator().next(), hash));
                    }
                    return run.get().chain(response -> record(connection, tenant, cluster, token, hash, response));
                }));
    }

    private TasksResource.RunTaskResponse previous(Row row, String hash) {
        if (!hash.equals(row.getString("request_hash"))) {
            throw new InvalidInputException("clientToken", "already used for a different RunTask request");
        }
        try {
            return json.readValue(row.getString("response"), TasksResource.RunTaskResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<TasksResource.RunTaskResponse> record(SqlClient client, String tenant, String cluster, String token,
                                                         String hash, TasksResource.RunTaskResponse response) {
        try {
            return client.preparedQuery("INSERT INTO run_task_request (tenant, cluster, client_token, request_hash, response) "
                            + "VALUES ($1, $2, $3, $4, $5)")
                    .execute(Tuple.of(tenant, cluster, token, hash, new JsonObject(json.writeValueAsString(response))))
                    .replaceWith(response);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
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
