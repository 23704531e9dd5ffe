package dev.berth.e2e.contract;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A RestAssured filter that checks every answer of a management API against the document: the
 * call must be one of its operations, and its status and body one it documents. What does not
 * fit is collected, one line per call, for the test to assert on.
 */
final class ContractCheck implements Filter {

    private final OpenApiDocument api;
    private final List<String> violations = new ArrayList<>();
    private int checked;

    ContractCheck(OpenApiDocument api) {
        this.api = api;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer = context.next(request, response);
        String path = URI.create(request.getURI()).getRawPath();
        if (!path.startsWith("/api/")) {
            return answer;
        }
        String call = request.getMethod() + " " + path + " → " + answer.statusCode();
        synchronized (this) {
            checked++;
            api.operationOf(request.getMethod(), path).ifPresentOrElse(
                    operation -> api.check(operation, answer.statusCode(), answer.contentType(), answer.asString())
                            .forEach(problem -> violations.add(call + " (" + operation + "): " + problem)),
                    () -> violations.add(call + ": no such operation in the document"));
        }
        return answer;
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized int checked() {
        return checked;
    }
}
