package dev.berth.common.scaling;

/**
 * A scaling decision of the autoscaler for one resource, on {@code berth.scaling-actions} (keyed
 * by resource id) inside an envelope of type {@link #TYPE} whose id is {@code actionId}. The
 * service that owns the resource applies it once, however often it is delivered, and answers a
 * {@link ScalingOutcome} on {@code berth.scaling-results}.
 *
 * @param resourceId         Application Auto Scaling's resource id, {@code service/<cluster>/<service>}
 * @param cluster            the cluster of the resource id, already parsed and validated
 * @param service            the service of the resource id, likewise
 * @param desiredCount       the count the decision wants, within [minCapacity, maxCapacity]
 * @param minCapacity        the scalable target's minimum when the decision was made
 * @param maxCapacity        the scalable target's maximum likewise
 * @param scaleIn            whether the decision removes capacity (held while a deployment is in progress)
 * @param cause              why, in Application Auto Scaling's words ("monitor alarm ... triggered policy ...")
 */
public record ScalingAction(String actionId, String resourceId, String scalableDimension, String cluster, String service,
                            int desiredCount, int minCapacity, int maxCapacity, boolean scaleIn, String cause) {

    public static final String TYPE = "ScalingAction";
    public static final int VERSION = 1;
    public static final String ECS_SERVICE_DESIRED_COUNT = "ecs:service:DesiredCount";
}
