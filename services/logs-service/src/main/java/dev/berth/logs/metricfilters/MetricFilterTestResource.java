package dev.berth.logs.metricfilters;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.InvalidInputException;
import dev.berth.logs.events.PutLogEventsLimits;
import dev.berth.logs.filter.FilterPattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CloudWatch Logs' TestMetricFilter: try a pattern on sample messages before putting a filter. */
// also metric-filters%3Atest, from clients that encode every ':'
@Path("/api/logs/v1/{test: metric-filters(?::|%3[Aa])test}")
@Tag(name = "Metric filters")
public class MetricFilterTestResource {

    public record TestMetricFilterRequest(
            @Schema(description = "CloudWatch Logs filter pattern syntax", examples = "[ip, user, status=5*]")
            String filterPattern,
            @Schema(required = true, description = "1 to 50 messages", examples = "[\"10.0.0.1 alice 503\"]")
            List<String> logEventMessages) {
    }

    /** TestMetricFilter: which of the messages the pattern matches. */
    @POST
    @Requires(Action.READ)
    @Operation(operationId = "TestMetricFilter", summary = "Which of some sample messages a filter pattern matches")
    public TestMetricFilterResponse test(TestMetricFilterRequest request) {
        if (request == null || request.logEventMessages() == null || request.logEventMessages().isEmpty()
                || request.logEventMessages().size() > 50) {
            throw new InvalidInputException("logEventMessages", "1 to 50 messages are required");
        }
        FilterPattern pattern = FilterPattern.parse(request.filterPattern());
        List<TestMetricFilterResponse.TestMatch> matches = new ArrayList<>();
        for (int i = 0; i < request.logEventMessages().size(); i++) {
            String message = request.logEventMessages().get(i);
            if (message != null && PutLogEventsLimits.eventBytes(message) > PutLogEventsLimits.MAX_EVENT_BYTES) {
                throw new InvalidInputException("logEventMessages[" + i + "]", "an event is at most "
                        + PutLogEventsLimits.MAX_EVENT_BYTES + " bytes (its message in UTF-8 plus "
                        + PutLogEventsLimits.EVENT_OVERHEAD_BYTES + ")");
            }
            int number = i + 1;
            if (pattern.matches(message == null ? "" : message)) {
                matches.add(new TestMetricFilterResponse.TestMatch(number, message));
            }
        }
        return new TestMetricFilterResponse(matches);
    }

}
