package dev.berth.logs.metricfilters;

import static dev.berth.logs.LogsTestClient.API;
import static dev.berth.logs.LogsTestClient.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.berth.logs.LogsTestClient;
import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metric filters stored before patterns were bounded still list, and match nothing until put again. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class StoredPatternsIT {

    @Inject
    Pool pool;

    @Test
    void aStoredPatternRefusedTodayIsListedAndMatchesNothing() throws Exception {
        String group = LogsTestClient.newGroup(null);
        String legacy = "%a% %b% %c%";
        pool.preparedQuery("INSERT INTO metric_filter (tenant, group_id, name, pattern, transformations) "
                        + "SELECT tenant, id, $3, $4, $5 FROM log_group WHERE tenant = $1 AND name = $2")
                .execute(Tuple.of("acme", group, "legacy", legacy, new JsonArray(List.of(Map.of("metricName", "M",
                        "metricNamespace", "N", "metricValue", "1")))))
                .toCompletionStage().toCompletableFuture().get();

        as("acme-viewer").get(API + "/metric-filters?logGroupName=" + LogsTestClient.encoded(group)).then()
                .statusCode(200).body("metricFilters", hasSize(1))
                .body("metricFilters[0].filterPattern", equalTo(legacy));
    }
}
