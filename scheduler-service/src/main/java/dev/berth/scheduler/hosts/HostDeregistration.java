package dev.berth.scheduler.hosts;

import dev.berth.scheduler.agentchannel.ConnectedHosts;
import dev.berth.scheduler.events.SchedulerEvents;
import dev.berth.scheduler.taskroles.CredentialRevoker;
import dev.berth.scheduler.taskroles.PendingRevocations;
import dev.berth.scheduler.taskroles.Revocation;
import dev.berth.scheduler.tasks.TaskTermination;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A deregistered host is INACTIVE for good: its tasks are STOPPED (services replace them), its
 * queued commands dropped, its agent's connection closed on whichever replica holds it, and its
 * Keycloak client disabled at the gateway (retried until done), so it gets no new token.
 */
@ApplicationScoped
public class HostDeregistration {

    /** Every replica listens here and closes the named host's connection if it holds it. */
    public static final String CHANNEL = "berth_host_deregistered";

    @Inject
    HostStore hosts;

    @Inject
    TaskTermination termination;

    @Inject
    ConnectedHosts connected;

    @Inject
    SchedulerEvents events;

    @Inject
    Pool pool;

    @Inject
    PendingRevocations revocations;

    @Inject
    CredentialRevoker revoker;

    /** Deregistered by a tenant admin here: the host's credentials are revoked at the gateway too. */
    public Uni<Host> deregister(Host host) {
        return deregister(host, true);
    }

    /**
     * @param revokeCredentials false when the gateway asks, having disabled the host's client already
     */
    public Uni<Host> deregister(Host host, boolean revokeCredentials) {
        Uni<?> revoked = revokeCredentials
                ? revocations.add(Revocation.Kind.HOST_CREDENTIALS, host.tenant(), host.id())
                : Uni.createFrom().voidItem();
        return revoked.chain(queued -> hosts.deregister(host.tenant(), host.cluster(), host.id()))
                .chain(updated -> termination.hostGone(host.tenant(), host.id(), "UserInitiated",
                                "Container instance " + host.id() + " was deregistered")
                        .map(stopped -> updated.orElse(host)))
                .chain(updated -> pool.preparedQuery("SELECT pg_notify($1, $2)")
                        .execute(Tuple.of(CHANNEL, host.tenant() + "/" + host.id())).replaceWith(updated))
                .invoke(updated -> {
                    connected.close(host.tenant(), host.id(), "HostDeregistered", "Host " + host.id() + " was deregistered.");
                    events.hostChanged(updated, "DEREGISTERED");
                    if (revokeCredentials) {
                        revoker.runDue().subscribe().with(ok -> { }, failure -> { }); // it logs its own failures
                    }
                });
    }
}
