package dev.berth.scheduler.events;

import dev.berth.scheduler.hosts.ContainerInstanceView;
import dev.berth.scheduler.hosts.Host;

/** The detail of an "ECS Container Instance State Change": the host as described, and what changed. */
public record HostChange(String change, ContainerInstanceView containerInstance) {

    static HostChange of(Host host, String change) {
        return new HostChange(change, ContainerInstanceView.of(host));
    }
}
