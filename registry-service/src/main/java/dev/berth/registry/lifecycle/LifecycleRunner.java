package dev.berth.registry.lifecycle;

import dev.berth.registry.events.ImageActionPublisher;
import dev.berth.registry.metadata.RegistryMetadata;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Applies lifecycle policies: on demand for one repository, and on a schedule for every
 * repository that has one. Each expired image is deleted with its tags and announced on
 * {@code berth.events} (action {@code EXPIRE}).
 */
@ApplicationScoped
public class LifecycleRunner {

    private static final Logger LOG = Logger.getLogger(LifecycleRunner.class);

    @Inject
    LifecycleStore store;

    @Inject
    ImageActionPublisher events;

    @Inject
    RegistryMetadata metadata;

    /** Evaluates the policy now and expires what it selects; returns what was expired. */
    public Uni<List<LifecycleEvaluator.Expiry>> apply(long repositoryId, String tenant, String repository, String policyText) {
        LifecyclePolicy policy = LifecyclePolicy.parse(policyText);
        return store.images(repositoryId)
                .map(images -> LifecycleEvaluator.evaluate(policy, images, Instant.now()))
                .call(expiries -> Multi.createFrom().iterable(expiries)
                        .onItem().transformToUniAndConcatenate(expiry ->
                                metadata.deleteManifest(repositoryId, expiry.image().digest())
                                .invoke(deleted -> {
                                    if (deleted) {
                                        events.expired(tenant, repository, expiry.image().digest(), expiry.image().tags(),
                                                expiry.rulePriority());
                                    }
                                }))
                        .collect().asList())
                .call(expiries -> store.evaluated(repositoryId));
    }

    @Scheduled(every = "${berth.registry.lifecycle-interval:1h}", delayed = "${berth.registry.lifecycle-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> applyAll() {
        return store.governed()
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(repository -> apply(repository.repositoryId(), repository.tenant(),
                        repository.name(), repository.policyText())
                        .invoke(expired -> {
                            if (!expired.isEmpty()) {
                                LOG.infof("lifecycle policy of %s expired %d image(s)", repository.name(), expired.size());
                            }
                        })
                        .onFailure().recoverWithItem(failure -> {
                            LOG.errorf(failure, "lifecycle policy of %s failed", repository.name());
                            return List.of();
                        }))
                .collect().asList()
                .replaceWithVoid();
    }
}
