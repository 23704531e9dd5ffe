package dev.berth.logs.filter;

/** A filter pattern that does not parse; the message says what is wrong and at which character position. */
public class InvalidFilterPatternException extends IllegalArgumentException {

    private final String problem;
    private final int position;

    public InvalidFilterPatternException(String problem, int position) {
        super(problem + " at " + position);
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
