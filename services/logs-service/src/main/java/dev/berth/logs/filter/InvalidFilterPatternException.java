package dev.berth.logs.filter;

import dev.berth.common.error.InvalidInputException;

/**
 * A filter pattern that does not parse: 400 InvalidParameterException naming {@code filterPattern}, the
 * message saying what is wrong and at which character position.
 */
public class InvalidFilterPatternException extends InvalidInputException {

    /** The request field every filter pattern of the API arrives in. */
    public static final String FIELD = "filterPattern";

    private final String problem;
    private final int position;

    public InvalidFilterPatternException(String problem, int position) {
        super(FIELD, problem + " at " + position);
        this.problem = problem;
        this.position = position;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }

    /** 0-based character position in the pattern text. */
    public int position() {
        return position;
    }
}
