package dev.berth.logs.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.common.http.RequestIds;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The platform's error body plus CloudWatch's {@code rejectedLogEventsInfo}: the one mapper's
 * fields, in its order, and the indexes of the events refused.
 */
public class RejectedEventsMapper {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RejectedError(String code, String message, String field, String requestId,
                                EventTimeWindow.Rejected rejectedLogEventsInfo) {
    }

    @ServerExceptionMapper
    public Response rejected(RejectedEventsException e, HttpHeaders headers) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new RejectedError(e.code(), e.getMessage(), e.field(), headers.getHeaderString(RequestIds.HEADER),
                        e.rejected()))
                .build();
    }
}
