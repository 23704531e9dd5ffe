package dev.berth.autoscaler.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A tenant's metrics stop at its limit; metrics it has keep their ids, other tenants are not counted. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class MetricLimitIT {

    @Inject
    MetricStore store;

    @Inject
    Pool pool;

    private static TenantMetric metric(String tenant, String name) {
        return new TenantMetric(tenant, new MetricKey("Limits", name, List.of(new DimensionValue("D", "1"))));
    }

    private Map<TenantMetric, Long> ids(Set<TenantMetric> metrics, int max) {
        return pool.withTransaction(tx -> store.ids(tx, metrics, max)).await().indefinitely();
    }

    @Test
    void newMetricsBeyondTheLimitGetNoId() {
        String tenant = "limit-" + UUID.randomUUID();
        String other = "limit-" + UUID.randomUUID();
        Set<TenantMetric> three = new LinkedHashSet<>(List.of(metric(tenant, "a"), metric(tenant, "b"),
                metric(tenant, "c"), metric(other, "a")));
        Map<TenantMetric, Long> first = ids(three, 2);
        assertEquals(3, first.size(), "two of the tenant's, one of the other's: " + first);
        assertEquals(Set.of(metric(tenant, "a"), metric(tenant, "b"), metric(other, "a")), first.keySet());

        Map<TenantMetric, Long> again = ids(three, 2);
        assertEquals(first, again, "existing metrics keep their ids; the third is still over the limit");
        assertEquals(4, ids(three, 3).size(), "a higher limit lets the third in");
    }
}
