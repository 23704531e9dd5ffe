package dev.berth.logs.requests;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What one tenant may store in the logs service. */
@ApplicationScoped
public class TenantLimits {

    @ConfigProperty(name = "berth.logs.tenant-quota-bytes", defaultValue = "10737418240")
    long tenantQuotaBytes;

    @ConfigProperty(name = "berth.logs.max-log-groups-per-tenant", defaultValue = "10000")
    int maxLogGroupsPerTenant;

    @ConfigProperty(name = "berth.logs.max-metric-filters-per-group", defaultValue = "100")
    int maxMetricFiltersPerGroup;

    /** Bytes of events a tenant stores, counted as CloudWatch bills them (message in UTF-8 plus 26 per event). */
    public long tenantQuotaBytes() {
        return tenantQuotaBytes;
    }

    public int maxLogGroupsPerTenant() {
        return maxLogGroupsPerTenant;
    }

    /** CloudWatch's limit per log group. */
    public int maxMetricFiltersPerGroup() {
        return maxMetricFiltersPerGroup;
    }
}
