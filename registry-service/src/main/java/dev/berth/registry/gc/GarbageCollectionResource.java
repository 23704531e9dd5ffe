package dev.berth.registry.gc;

import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs garbage collection now; it spans every tenant, so only platform operators may. */
@Path("/api/registry/v1/garbage-collections")
@Tag(name = "Garbage collection", description = "Deleting blobs no image refers to (platform operators)")
public class GarbageCollectionResource {

    @Inject
    GarbageCollector collector;

    @Inject
    CurrentPrincipal principal;

    @POST
    @Operation(operationId = "RunGarbageCollection",
            summary = "Delete unreferenced blobs and expired uploads now, across every tenant")
    public Uni<GarbageCollector.Report> run() {
        if (!principal.get().isPlatformOperator()) {
            throw new ApiException(ErrorCode.ACCESS_DENIED, "Only platform operators run garbage collection.");
        }
        return collector.collect();
    }
}
