package dev.berth.scheduler.taskroles;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import dev.berth.common.async.Unis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Takes credentials away at the gateway until it confirms: a stopped task's role client, a
 * deregistered host's client. Each revocation is written to {@link PendingRevocations} first and
 * tried at once; a failed try (gateway down, Keycloak slow) is tried again with a growing delay
 * until it succeeds, also after a restart.
 */
@ApplicationScoped
public class CredentialRevoker {

    private static final Logger LOG = Logger.getLogger(CredentialRevoker.class);
    private static final int BATCH = 100;

    @Inject
    PendingRevocations pending;

    @Inject
    @RestClient
    GatewayTaskCredentials tasks;

    @Inject
    @RestClient
    GatewayHostCredentials hosts;

    public Uni<Void> revoke(Revocation.Kind kind, String tenant, String subjectId) {
        return pending.add(kind, tenant, subjectId).chain(added -> runDue());
    }

    @Scheduled(every = "${berth.scheduler.revocation-retry-interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retry() {
        return runDue();
    }

    /** Tries every revocation due now once. */
    public Uni<Void> runDue() {
        return pending.claimDue(BATCH).chain(due -> Unis.allSettled(due.stream().map(this::attempt).toList()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("pending revocations not read: %s", failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> attempt(Revocation revocation) {
        Uni<Void> call = switch (revocation.kind()) {
            case TASK_CREDENTIALS -> tasks.release(revocation.subjectId());
            case HOST_CREDENTIALS -> hosts.revoke(revocation.tenant(), revocation.subjectId());
        };
        return call.onFailure(CredentialRevoker::nothingToRevoke).recoverWithNull()
                .onItemOrFailure().transformToUni((ok, failure) -> {
                    if (failure == null) {
                        return pending.done(revocation);
                    }
                    LOG.warnf("%s %s/%s: revocation failed (attempt %d), tried again later: %s", revocation.kind(),
                            revocation.tenant(), revocation.subjectId(), revocation.attempts() + 1, failure.getMessage());
                    return pending.failed(revocation, failure.getMessage());
                });
    }

    /** The gateway knows no such credentials: nothing is left to take away. */
    private static boolean nothingToRevoke(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() == 404;
    }
}
