package dev.berth.gateway.iam;

import dev.berth.common.error.InvalidInputException;
import java.util.regex.Pattern;

/** Input checks of the IAM API; each failure names the field. */
public final class Validation {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");

    private Validation() {
    }

    static String name(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw invalid(field, "must be 2-63 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }

    static Level level(String value, boolean denyAllowed) {
        Level level = Level.parse(value).orElseThrow(() -> invalid("level", "must be one of deny, show, deploy, manage"));
        if (level == Level.DENY && !denyAllowed) {
            throw invalid("level", "must be show, deploy or manage");
        }
        return level;
    }

    static String email(String value) {
        if (value != null && !value.matches("[^@\\s]+@[^@\\s]+")) {
            throw invalid("email", "is not an email address");
        }
        return value;
    }

    public static InvalidInputException invalid(String field, String problem) {
        return new InvalidInputException(field, problem);
    }
}
