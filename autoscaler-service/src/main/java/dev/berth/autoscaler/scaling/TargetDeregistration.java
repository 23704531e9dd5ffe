package dev.berth.autoscaler.scaling;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * What goes with a scalable target when it is deregistered: each implementation (scheduled actions, and the
 * scaling policies with their alarms) deletes its own rows of the target in the deregistering transaction.
 */
public interface TargetDeregistration {

    Uni<Void> targetDeregistered(SqlClient tx, String tenant, ScalableTargetId target);
}
