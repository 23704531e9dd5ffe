package dev.berth.autoscaler.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.common.error.InvalidInputException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class DimensionFiltersTest {

    @Test
    void readsQueryProtocolMembersInTheirOrder() {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        query.add("Namespace", "Acme");
        query.add("Dimensions.member.2.Name", "Service");
        query.add("Dimensions.member.1.Name", "Cluster");
        query.add("Dimensions.member.1.Value", "prod");
        assertEquals(List.of(new MetricStore.DimensionFilter("Cluster", "prod"),
                new MetricStore.DimensionFilter("Service", null)), ListMetricsResource.dimensionFilters(query));
    }

    @Test
    void aValueWithoutItsNameOrAnUnknownMemberIsRefused() {
        MultivaluedHashMap<String, String> valueOnly = new MultivaluedHashMap<>();
        valueOnly.add("Dimensions.member.1.Value", "prod");
        assertEquals("Dimensions.member.1.Name", assertThrows(InvalidInputException.class,
                () -> ListMetricsResource.dimensionFilters(valueOnly)).field());
        MultivaluedHashMap<String, String> eleventh = new MultivaluedHashMap<>();
        eleventh.add("Dimensions.member.11.Name", "x");
        assertEquals("Dimensions.member.11.Name", assertThrows(InvalidInputException.class,
                () -> ListMetricsResource.dimensionFilters(eleventh)).field());
    }
}
