package dev.berth.autoscaler.policies;

import dev.berth.autoscaler.alarms.AlarmArns;
import dev.berth.autoscaler.alarms.AlarmSnapshot;
import dev.berth.autoscaler.alarms.AlarmsService;
import dev.berth.autoscaler.scaling.EcsServiceResourceId;
import dev.berth.autoscaler.scaling.PolicyNames;
import dev.berth.autoscaler.scaling.PolicyType;
import dev.berth.autoscaler.scaling.ScalableDimension;
import dev.berth.autoscaler.scaling.ScalableTargetId;
import dev.berth.autoscaler.scaling.ScalableTargetStore;
import dev.berth.autoscaler.scaling.ScalableTargetsResource;
import dev.berth.autoscaler.scaling.ScalingLimits;
import dev.berth.autoscaler.scaling.ScalingPages;
import dev.berth.autoscaler.scaling.ServiceNamespace;
import dev.berth.autoscaler.scaling.SynthesizedAlarm;
import dev.berth.autoscaler.scaling.TargetDeregistration;
import dev.berth.autoscaler.scaling.TargetTrackingAlarms;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * PutScalingPolicy, DescribeScalingPolicies and DeleteScalingPolicy for one tenant. A target tracking policy
 * owns its synthesized alarms: they are created with it, replaced when it is updated and deleted with it (or
 * with its target), all in the policy's transaction.
 */
@ApplicationScoped
public class ScalingPoliciesService implements TargetDeregistration {

    /** PolicyNames of DescribeScalingPolicies, as botocore's limit. */
    public static final int MAX_NAMES = 50;

    @Inject
    Pool pool;

    @Inject
    ScalableTargetStore targets;

    @Inject
    ScalingPolicyStore policies;

    @Inject
    AlarmsService alarms;

    public Uni<PolicyMessages.PutScalingPolicyResponse> put(String tenant, PolicyMessages.PutScalingPolicyRequest request) {
        if (request == null) {
            throw new InvalidInputException(ErrorCode.VALIDATION, "PolicyName", "is required");
        }
        String name = PolicyNames.validate(request.policyName());
        ScalableTargetId id = ScalableTargetId.parse(request.serviceNamespace(), request.resourceId(),
                request.scalableDimension());
        PolicyType type = PolicyType.parse(request.policyType());
        PolicyConfiguration configuration = PolicyConfigurations.of(type, request.targetTrackingScalingPolicyConfiguration(),
                request.stepScalingPolicyConfiguration());
        Instant now = Instant.now();
        return pool.withTransaction(tx -> targets.lock(tx, tenant, id).chain(target -> {
                    if (target.isEmpty()) {
                        throw ScalableTargetsResource.notRegistered(id);
                    }
                    return policies.lock(tx, tenant, id, name);
                }).chain(existing -> {
                    Uni<Void> room = existing.isPresent() ? Uni.createFrom().voidItem()
                            : policies.count(tx, tenant, id).invoke(ScalingLimits::requireRoomForPolicy).replaceWithVoid();
                    String arn = existing.map(StoredPolicy::arn).orElseGet(() -> PolicyArns.of(tenant, UUID.randomUUID(), id, name));
                    List<SynthesizedAlarm> synthesized = configuration instanceof PolicyConfiguration.TargetTracking tracking
                            ? TargetTrackingAlarms.of(id.resourceId(), tracking.configuration(), UUID.randomUUID(), UUID.randomUUID())
                            : List.of();
                    StoredPolicy policy = new StoredPolicy(tenant, id, name, arn, type,
                            request.targetTrackingScalingPolicyConfiguration(), request.stepScalingPolicyConfiguration(),
                            synthesized.stream().map(SynthesizedAlarm::alarmName).toList(),
                            existing.map(StoredPolicy::createdAt).orElse(now));
                    // an update replaces the alarms: the old ones go first, the new ones carry new names
                    Uni<Void> written = room.chain(() -> alarms.deleteManagedAlarms(tx, tenant,
                            existing.map(StoredPolicy::alarmNames).orElse(List.of())));
                    for (SynthesizedAlarm alarm : synthesized) {
                        written = written.chain(() -> alarms.putManagedAlarm(tx, tenant, ManagedAlarmRequests.of(alarm, arn), arn));
                    }
                    return written.chain(() -> policies.put(tx, policy)).replaceWith(policy);
                }))
                .map(policy -> new PolicyMessages.PutScalingPolicyResponse(policy.arn(),
                        type == PolicyType.TARGET_TRACKING_SCALING ? alarmRefs(tenant, policy.alarmNames()) : null));
    }

    public Uni<PolicyMessages.DescribeScalingPoliciesResponse> describe(String tenant, String serviceNamespace,
            List<String> policyNames, String resourceId, String scalableDimension, Integer maxResults, String nextToken) {
        ServiceNamespace namespace = ServiceNamespace.parse(serviceNamespace);
        List<String> names = policyNames == null ? List.of() : policyNames;
        if (names.size() > MAX_NAMES) {
            throw new InvalidInputException(ErrorCode.VALIDATION, "PolicyNames", "may hold up to " + MAX_NAMES
                    + " names, got " + names.size());
        }
        for (int i = 0; i < names.size(); i++) {
            String given = names.get(i);
            if (given == null || given.isEmpty() || given.length() > ScalingLimits.MAX_RESOURCE_ID_LENGTH) {
                throw new InvalidInputException(ErrorCode.VALIDATION, "PolicyNames[" + i + "]",
                        "must hold 1 to " + ScalingLimits.MAX_RESOURCE_ID_LENGTH + " characters");
            }
        }
        String resource = resourceId == null ? null : EcsServiceResourceId.parse(resourceId).toString();
        String dimension = scalableDimension == null ? null : ScalableDimension.parse(scalableDimension).awsName();
        int limit = ScalingPages.limit(maxResults);
        String after = ScalingPages.position(nextToken);
        return policies.list(pool, tenant, namespace.awsName(), resource, dimension, names, after, limit + 1)
                .chain(found -> {
                    List<StoredPolicy> page = found.stream().limit(limit).toList();
                    String next = found.size() > limit ? ScalingPages.token(ScalingPolicyStore.position(page.getLast())) : null;
                    List<String> arns = page.stream().map(StoredPolicy::arn).toList();
                    Uni<List<AlarmSnapshot>> acting = arns.isEmpty() ? Uni.createFrom().item(List.of())
                            : alarms.snapshots(pool, tenant, List.of(), arns);
                    return acting.map(snapshots -> new PolicyMessages.DescribeScalingPoliciesResponse(
                            page.stream().map(p -> view(p, snapshots)).toList(), next));
                });
    }

    public Uni<Void> delete(String tenant, String serviceNamespace, String policyName, String resourceId,
            String scalableDimension) {
        ScalableTargetId id = ScalableTargetId.parse(serviceNamespace, resourceId, scalableDimension);
        if (policyName == null || policyName.isEmpty()) {
            throw new InvalidInputException(ErrorCode.VALIDATION, "PolicyName", "is required");
        }
        return pool.withTransaction(tx -> policies.delete(tx, tenant, id, policyName).chain(deleted -> {
            StoredPolicy policy = deleted.orElseThrow(() -> new ApiException(ErrorCode.OBJECT_NOT_FOUND,
                    "No scaling policy found for service namespace: " + id.namespace() + ", resource ID: "
                            + id.resourceId() + ", scalable dimension: " + id.dimension() + ", policy name: " + policyName));
            return alarms.deleteManagedAlarms(tx, tenant, policy.alarmNames());
        }));
    }

    @Override
    public Uni<Void> targetDeregistered(SqlClient tx, String tenant, ScalableTargetId target) {
        return policies.deleteAll(tx, tenant, target).chain(deleted -> alarms.deleteManagedAlarms(tx, tenant,
                deleted.stream().flatMap(p -> p.alarmNames().stream()).toList()));
    }

    /** A policy as DescribeScalingPolicies shows it: target tracking its own alarms, step scaling those acting on it. */
    static PolicyMessages.ScalingPolicy view(StoredPolicy p, List<AlarmSnapshot> acting) {
        List<String> alarmNames = p.type() == PolicyType.TARGET_TRACKING_SCALING ? p.alarmNames()
                : acting.stream().filter(a -> a.alarmActions().contains(p.arn())).map(AlarmSnapshot::alarmName).toList();
        return new PolicyMessages.ScalingPolicy(p.arn(), p.name(), p.target().namespace().awsName(),
                p.target().resourceId().toString(), p.target().dimension().awsName(), p.type().awsName(), p.step(),
                p.targetTracking(), alarmRefs(p.tenant(), alarmNames), p.createdAt());
    }

    private static List<PolicyMessages.Alarm> alarmRefs(String tenant, List<String> names) {
        return names.stream().map(n -> new PolicyMessages.Alarm(n, AlarmArns.of(tenant, n))).toList();
    }
}
