package dev.berth.logs.groups;

import dev.berth.common.error.InvalidInputException;
import java.util.regex.Pattern;

/** CloudWatch's rules for log group and log stream names. */
public final class LogNames {

    private static final Pattern GROUP = Pattern.compile("[\\w./#-]{1,512}");

    private LogNames() {
    }

    public static String group(String field, String name) {
        if (name == null || !GROUP.matcher(name).matches()) {
            throw new InvalidInputException(field, "1 to 512 letters, digits and '_-./#', got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        return name;
    }

    public static String stream(String field, String name) {
        if (name == null || name.isEmpty() || name.length() > 512 || name.indexOf(':') >= 0 || name.indexOf('*') >= 0) {
            throw new InvalidInputException(field, "1 to 512 characters without ':' or '*', got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        return name;
    }
}
