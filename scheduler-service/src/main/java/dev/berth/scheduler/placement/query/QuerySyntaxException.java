package dev.berth.scheduler.placement.query;

/** An expression of the cluster query language that cannot be read; the message says where and why. */
public class QuerySyntaxException extends IllegalArgumentException {

    private final int position;

    public QuerySyntaxException(String expression, int position, String problem) {
        super(problem + " at position " + position + " of \"" + expression + "\"");
        this.position = position;
    }

    /** Zero-based offset into the expression. */
    public int position() {
        return position;
    }
}
