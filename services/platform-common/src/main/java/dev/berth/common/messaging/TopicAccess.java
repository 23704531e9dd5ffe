package dev.berth.common.messaging;

import static dev.berth.common.messaging.Topic.EVENTS;
import static dev.berth.common.messaging.Topic.HEARTBEATS;
import static dev.berth.common.messaging.Topic.HOST_STATE;
import static dev.berth.common.messaging.Topic.LIFECYCLE;
import static dev.berth.common.messaging.Topic.LIFECYCLE_RESULTS;
import static dev.berth.common.messaging.Topic.LOGS;
import static dev.berth.common.messaging.Topic.METRICS;
import static dev.berth.common.messaging.Topic.SCALING_ACTIONS;
import static dev.berth.common.messaging.Topic.SCALING_RESULTS;
import static dev.berth.common.messaging.Topic.TASK_STATE;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may write and read which topic (DESIGN.md §4): the broker's ACLs are made from this table,
 * one Kafka user per service ({@code berth-<service>}), consumer groups named {@code berth-<service>…}.
 * Everyone may publish platform events; each other topic has the producers the design names.
 */
public final class TopicAccess {

    /** A service's rights: topics it writes, topics it reads, and its consumer-group prefix. */
    public record ServiceTopics(String service, Set<Topic> writes, Set<Topic> reads) {

        public String kafkaUser() {
            return "berth-" + service;
        }

        public String groupPrefix() {
            return "berth-" + service;
        }
    }

    private static final List<ServiceTopics> TABLE = List.of(
            new ServiceTopics("gateway", Set.of(EVENTS), Set.of()),
            new ServiceTopics("registry", Set.of(EVENTS), Set.of()),
            new ServiceTopics("scheduler",
                    Set.of(TASK_STATE, HOST_STATE, HEARTBEATS, METRICS, LOGS, LIFECYCLE_RESULTS, SCALING_RESULTS, EVENTS),
                    Set.of(SCALING_ACTIONS, LIFECYCLE)),
            new ServiceTopics("autoscaler", Set.of(SCALING_ACTIONS, EVENTS),
                    Set.of(TASK_STATE, HOST_STATE, METRICS, SCALING_RESULTS)),
            new ServiceTopics("stacks", Set.of(LIFECYCLE, EVENTS),
                    Set.of(HEARTBEATS, HOST_STATE, TASK_STATE, LIFECYCLE_RESULTS, SCALING_ACTIONS)),
            // PutLogEvents goes through berth.logs; metric filters publish berth.metrics
            new ServiceTopics("logs", Set.of(LOGS, METRICS, EVENTS),
                    Set.of(LOGS, EVENTS, TASK_STATE, HOST_STATE)));

    private TopicAccess() {
    }

    public static List<ServiceTopics> all() {
        return TABLE;
    }

    public static Optional<ServiceTopics> of(String service) {
        return TABLE.stream().filter(s -> s.service().equals(service)).findFirst();
    }
}
