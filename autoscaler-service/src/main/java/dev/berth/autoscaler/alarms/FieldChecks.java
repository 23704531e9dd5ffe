package dev.berth.autoscaler.alarms;

import dev.berth.common.error.InvalidInputException;

/** Checks of PutMetricAlarm's text fields; each failure names the AWS field. */
final class FieldChecks {

    private FieldChecks() {
    }

    static String required(String field, String value) {
        if (value == null) {
            throw new InvalidInputException(field, "required");
        }
        return value;
    }

    /** Lengths count Unicode characters, as AWS's min/max do. */
    static void length(String field, String value, int min, int max) {
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw new InvalidInputException(field, min + " to " + max + " characters, got " + length);
        }
    }

    static void noControlCharacters(String field, String value) {
        if (value.chars().anyMatch(FieldChecks::isControl)) {
            throw new InvalidInputException(field, "must not contain ASCII control characters");
        }
    }

    /** Printable ASCII with at least one non-blank character: CloudWatch's rule for namespaces and dimensions. */
    static void printableAscii(String field, String value) {
        if (value.chars().anyMatch(c -> c > 0x7e || isControl(c))) {
            throw new InvalidInputException(field, "only printable ASCII characters");
        }
        if (value.isBlank()) {
            throw new InvalidInputException(field, "at least one non-whitespace character");
        }
    }

    static void notStartingWithColon(String field, String value) {
        if (value.startsWith(":")) {
            throw new InvalidInputException(field, "must not start with ':'");
        }
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f;
    }
}
