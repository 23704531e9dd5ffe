-- ListMetrics pages through a tenant's metrics in id order
CREATE INDEX metric_tenant_id ON metric (tenant, id);
