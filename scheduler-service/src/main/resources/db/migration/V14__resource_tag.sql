-- ECS tags of clusters, services, tasks and task definitions, by the resource's ARN. A service
-- keeps how its tasks get tags (propagateTags).
CREATE TABLE resource_tag (
    tenant       text NOT NULL,
    resource_arn text NOT NULL,
    key          text NOT NULL,
    value        text NOT NULL DEFAULT '',
    PRIMARY KEY (tenant, resource_arn, key)
);

ALTER TABLE service ADD COLUMN propagate_tags text NOT NULL DEFAULT 'NONE'
    CHECK (propagate_tags IN ('TASK_DEFINITION', 'SERVICE', 'NONE'));
