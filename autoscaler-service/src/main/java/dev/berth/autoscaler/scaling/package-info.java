/**
 * Application Auto Scaling for ECS services ({@code ecs} / {@code service/<cluster>/<service>} /
 * {@code ecs:service:DesiredCount}): scalable targets, target tracking and step scaling policies, cooldowns
 * and the decision an evaluation of a target's policies takes, with the activity texts AWS writes. Plain
 * Java: stores, resources and consumers map their records onto these types and call
 * {@link dev.berth.autoscaler.scaling.ScalingDecider}.
 *
 * <p>Where Berth decides what AWS does not publish: TargetValue must be above zero; cooldowns are 0 to
 * 86,400 s; a synthesized alarm name longer than CloudWatch's 255 characters has its ResourceId part cut;
 * a target tracking policy with DisableScaleIn has no low alarm; a target at zero tasks whose high alarm
 * fires gets one task; a scale-in during a service deployment is a not-scaled activity with
 * TargetServicePutResourceAsUnscalable; each policy measures the remembered scale-out and scale-in times
 * with its own cooldown.
 */
package dev.berth.autoscaler.scaling;
