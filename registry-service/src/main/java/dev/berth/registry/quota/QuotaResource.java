package dev.berth.registry.quota;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** How much of its storage quota the caller's tenant uses. */
@Path("/api/registry/v1/quota")
public class QuotaResource {

    @Inject
    Quotas quotas;

    @Inject
    CurrentPrincipal principal;

    @GET
    @Requires(Action.READ)
    public Uni<Map<String, Object>> get() {
        String tenant = principal.tenant();
        return UniHelper.toUni(quotas.usage(tenant)).map(used -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("registryId", tenant);
            answer.put("usedBytes", used);
            answer.put("limitBytes", quotas.limitOf(tenant).isPresent() ? quotas.limitOf(tenant).getAsLong() : null);
            return answer;
        });
    }
}
