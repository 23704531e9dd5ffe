package dev.berth.common.error;

import dev.berth.common.http.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders JAX-RS errors in the platform's JSON error shape. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response webApplicationException(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        JsonProcessingException unreadable = status == 400 ? JsonProblem.find(e) : null;
        if (unreadable != null) {
            return invalidBody(JsonProblem.describe(unreadable), headers);
        }
        return json(status, ErrorCode.forStatus(status), e.getMessage(), null, headers);
    }

    /**
     * A body that does not fit the request's record (a string for a number, a fraction for a whole
     * number, an unknown field), named by its path. Ahead of Quarkus's own mapper of these, which
     * answers with an empty body.
     */
    @ServerExceptionMapper(value = {MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, InvalidNullException.class}, priority = Priorities.USER - 100)
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers) {
        return invalidBody(JsonProblem.describe(e), headers);
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e, HttpHeaders headers) {
        return json(e.status(), e.code(), e.getMessage(), e.field(), headers);
    }

    /** Anything unexpected: logged with the request id, answered without internals. */
    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpHeaders headers) {
        String requestId = headers.getHeaderString(RequestIds.HEADER);
        LOG.errorf(e, "request %s failed", requestId);
        return json(500, ErrorCode.SERVER.code(), "Internal error; quote request id " + requestId + ".", null, headers);
    }

    private static Response invalidBody(String message, HttpHeaders headers) {
        return json(400, ErrorCode.INVALID_PARAMETER.code(), message, InvalidInputException.fieldOf(message), headers);
    }

    static Response json(int status, String code, String message, String field, HttpHeaders headers) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(code, message, field, headers.getHeaderString(RequestIds.HEADER)))
                .build();
    }
}
