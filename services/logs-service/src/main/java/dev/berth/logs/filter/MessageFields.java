package dev.berth.logs.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a message into space-delimited fields. Text between double quotes or square brackets is one
 * field, without the quotes or brackets ({@code [10/Oct/2000:13:25:15 -0700]} becomes
 * {@code 10/Oct/2000:13:25:15 -0700}). Runs of whitespace count as one delimiter.
 */
final class MessageFields {

    private MessageFields() {
    }

    static String[] split(String message) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = message.length();
        while (true) {
            while (i < n && isDelimiter(message.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return fields.toArray(String[]::new);
            }
            char first = message.charAt(i);
            char closing = first == '"' ? '"' : first == '[' ? ']' : 0;
            if (closing != 0) {
                int close = message.indexOf(closing, i + 1);
                int end = close < 0 ? n : close;
                fields.add(message.substring(i + 1, end));
                i = end + 1;
            } else {
                int start = i;
                while (i < n && !isDelimiter(message.charAt(i))) {
                    i++;
                }
                fields.add(message.substring(start, i));
            }
        }
    }

    private static boolean isDelimiter(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
