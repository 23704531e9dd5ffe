package dev.berth.scheduler.placement.query;

import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;

/**
 * An expression of the cluster query language that cannot be read; the message says where and
 * why. The field is the caller's to name ({@link #in(String)}): the query language does not know it.
 */
public class QuerySyntaxException extends InvalidInputException {

    private final int position;

    public QuerySyntaxException(String expression, int position, String problem) {
        this(null, problem + " at position " + position + " of \"" + expression + "\"", position);
    }

    private QuerySyntaxException(String field, String problem, int position) {
        super(ErrorCode.INVALID_PARAMETER, field, problem);
        this.position = position;
    }

    /** Zero-based offset into the expression. */
    public int position() {
        return position;
    }

    /** The same problem, naming the field the expression was given in. */
    public QuerySyntaxException in(String field) {
        return new QuerySyntaxException(field, field() == null ? getMessage() : getMessage().substring(field().length() + 2),
                position);
    }
}
