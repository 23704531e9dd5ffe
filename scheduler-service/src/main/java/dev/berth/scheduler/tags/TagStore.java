package dev.berth.scheduler.tags;

import dev.berth.common.error.InvalidInputException;

import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tags in PostgreSQL by the ARN of the resource they are on, always within one tenant. */
@ApplicationScoped
public class TagStore {

    @Inject
    Pool pool;

    public Uni<List<Tag>> list(String tenant, String arn) {
        return list(pool, tenant, arn);
    }

    public Uni<List<Tag>> list(SqlClient client, String tenant, String arn) {
        return client.preparedQuery("SELECT key, value FROM resource_tag WHERE tenant = $1 AND resource_arn = $2 ORDER BY key")
                .execute(Tuple.of(tenant, arn))
                .map(rows -> Rows.all(rows, row -> new Tag(row.getString("key"), row.getString("value"))));
    }

    /** The tags of several resources, by ARN; a resource without tags is left out. */
    public Uni<Map<String, List<Tag>>> ofResources(String tenant, List<String> arns) {
        return pool.preparedQuery("SELECT resource_arn, key, value FROM resource_tag WHERE tenant = $1 "
                        + "AND resource_arn = ANY($2::text[]) ORDER BY resource_arn, key")
                .execute(Tuple.tuple().addString(tenant).addArrayOfString(arns.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<Tag>> byArn = new HashMap<>();
                    rows.forEach(row -> byArn.computeIfAbsent(row.getString("resource_arn"), arn -> new ArrayList<>())
                            .add(new Tag(row.getString("key"), row.getString("value"))));
                    return byArn;
                });
    }

    /** The resource's tags become exactly these (a resource made anew under an old name starts over). */
    public Uni<Void> replace(SqlClient client, String tenant, String arn, List<Tag> tags) {
        return client.preparedQuery("DELETE FROM resource_tag WHERE tenant = $1 AND resource_arn = $2")
                .execute(Tuple.of(tenant, arn))
                .chain(deleted -> add(client, tenant, arn, tags, "tags"));
    }

    /**
     * Adds the tags, a key given again takes the new value; refused (and to be rolled back) when
     * the resource would then have more than {@link TagRules#MAX_TAGS}.
     */
    public Uni<Void> add(SqlClient client, String tenant, String arn, List<Tag> tags, String field) {
        if (tags.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("INSERT INTO resource_tag (tenant, resource_arn, key, value) "
                        + "SELECT $1, $2, t.key, t.value FROM unnest($3::text[], $4::text[]) AS t(key, value) "
                        + "ON CONFLICT (tenant, resource_arn, key) DO UPDATE SET value = EXCLUDED.value")
                .execute(Tuple.of(tenant, arn, tags.stream().map(Tag::key).toArray(String[]::new),
                        tags.stream().map(Tag::value).toArray(String[]::new)))
                .chain(inserted -> client.preparedQuery(
                                "SELECT count(*) AS n FROM resource_tag WHERE tenant = $1 AND resource_arn = $2")
                        .execute(Tuple.of(tenant, arn)))
                .chain(rows -> {
                    long count = rows.iterator().next().getLong("n");
                    return count > TagRules.MAX_TAGS
                            ? Uni.createFrom().failure(new InvalidInputException(field, "the resource would have " + count
                            + " tags, at most " + TagRules.MAX_TAGS + " are allowed"))
                            : Uni.createFrom().voidItem();
                });
    }

    public Uni<Void> remove(SqlClient client, String tenant, String arn, List<String> keys) {
        return client.preparedQuery("DELETE FROM resource_tag WHERE tenant = $1 AND resource_arn = $2 AND key = ANY($3::text[])")
                .execute(Tuple.of(tenant, arn, keys.toArray(String[]::new))).replaceWithVoid();
    }

    /**
     * Tags new tasks: with {@code given}, and with the tags of {@code source} (a service or task
     * definition ARN, or null) whose keys {@code given} does not have.
     */
    public Uni<Void> tagTasks(SqlClient client, String tenant, List<String> taskArns, List<Tag> given, String source) {
        if (taskArns.isEmpty() || given.isEmpty() && source == null) {
            return Uni.createFrom().voidItem();
        }
        String[] keys = given.stream().map(Tag::key).toArray(String[]::new);
        return client.preparedQuery("INSERT INTO resource_tag (tenant, resource_arn, key, value) "
                        + "SELECT $1, task.arn, t.key, t.value FROM unnest($2::text[]) AS task(arn) CROSS JOIN ("
                        + "SELECT g.key, g.value FROM unnest($3::text[], $4::text[]) AS g(key, value) "
                        + "UNION ALL SELECT s.key, s.value FROM resource_tag s WHERE s.tenant = $1 AND s.resource_arn = $5 "
                        + "AND s.key <> ALL($3::text[])) AS t ON CONFLICT (tenant, resource_arn, key) DO NOTHING")
                .execute(Tuple.of(tenant, taskArns.toArray(String[]::new), keys,
                        given.stream().map(Tag::value).toArray(String[]::new), source))
                .replaceWithVoid();
    }

    /** How a service's tasks get tags. */
    public Uni<PropagateTags> propagation(SqlClient client, String tenant, String cluster, String service) {
        return client.preparedQuery("SELECT propagate_tags FROM service WHERE tenant = $1 AND cluster = $2 AND name = $3")
                .execute(Tuple.of(tenant, cluster, service))
                .map(rows -> Rows.first(rows, row -> PropagateTags.valueOf(row.getString("propagate_tags")))
                        .orElse(PropagateTags.NONE));
    }

    public Uni<Void> setPropagation(SqlClient client, String tenant, String cluster, String service,
                                       PropagateTags propagate) {
        return client.preparedQuery("UPDATE service SET propagate_tags = $4 WHERE tenant = $1 AND cluster = $2 AND name = $3")
                .execute(Tuple.of(tenant, cluster, service, propagate.name())).replaceWithVoid();
    }
}
