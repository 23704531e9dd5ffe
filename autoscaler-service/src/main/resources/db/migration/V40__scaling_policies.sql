-- Scaling policies, the cooldowns of each target's dynamic scaling, and what the alarms need for them.

CREATE TABLE scaling_policy (
    tenant                text        NOT NULL,
    service_namespace     text        NOT NULL,
    resource_id           text        NOT NULL,
    scalable_dimension    text        NOT NULL,
    policy_name           text        NOT NULL,
    policy_arn            text        NOT NULL UNIQUE,
    policy_type           text        NOT NULL,
    -- the request's TargetTrackingScalingPolicyConfiguration or StepScalingPolicyConfiguration, as given
    configuration         jsonb       NOT NULL,
    -- names of the alarms the policy created (target tracking: high, then low if any)
    alarm_names           text[]      NOT NULL,
    created_at            timestamptz NOT NULL,
    PRIMARY KEY (tenant, service_namespace, resource_id, scalable_dimension, policy_name),
    FOREIGN KEY (tenant, service_namespace, resource_id, scalable_dimension)
        REFERENCES scalable_target (tenant, service_namespace, resource_id, scalable_dimension) ON DELETE CASCADE
);

-- what a target remembers of its last dynamic scaling (CooldownState), written with each policy's scaling
CREATE TABLE scaling_cooldown (
    tenant                  text        NOT NULL,
    service_namespace       text        NOT NULL,
    resource_id             text        NOT NULL,
    scalable_dimension      text        NOT NULL,
    last_scale_out_at       timestamptz,
    last_scale_out_amount   integer     NOT NULL,
    last_scale_in_at        timestamptz,
    PRIMARY KEY (tenant, service_namespace, resource_id, scalable_dimension),
    FOREIGN KEY (tenant, service_namespace, resource_id, scalable_dimension)
        REFERENCES scalable_target (tenant, service_namespace, resource_id, scalable_dimension) ON DELETE CASCADE
);

-- the ARN of the scaling policy that created and owns an alarm (users may not edit or delete it)
ALTER TABLE metric_alarm ADD COLUMN managed_by text;
-- the real datapoints of the last evaluation's EvaluationPeriods, oldest first: what a policy acts on
ALTER TABLE metric_alarm ADD COLUMN evaluated_values double precision[] NOT NULL DEFAULT '{}';
