package dev.berth.scheduler.placement.query;

import java.util.List;

/**
 * What a query is evaluated against: a host. A subject name ({@code attribute:ecs.instance-type},
 * {@code agentVersion}, {@code task:group}, ...) has no, one or several values; a host without
 * the attribute has none, a host running tasks of three groups has three {@code task:group}s.
 */
public interface QuerySubject {

    List<String> values(String subject);
}
