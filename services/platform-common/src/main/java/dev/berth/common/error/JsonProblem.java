package dev.berth.common.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is wrong with a JSON body, in words a caller can act on: the field by its path
 * ({@code containerDefinitions[0].memory}) where Jackson knows it, and the line and column of
 * the body where the JSON itself is broken (truncated, a number too large).
 */
public final class JsonProblem {

    private JsonProblem() {
    }

    /** The message of a 400 for a body Jackson could not read; starts with the field where there is one. */
    public static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException wrapper && wrapper.getCause() instanceof InputCoercionException coercion) {
            return (wrapper.getPath().isEmpty() ? "body" : path(wrapper.getPath())) + ": " + outOfRange(coercion)
                    + position(coercion.getLocation());
        }
        String at = position(e.getLocation());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return path(unknown.getPath()) + ": unknown field" + known(unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidNullException invalidNull) {
            return path(invalidNull.getPath()) + ": must not be null";
        }
        if (e instanceof InvalidFormatException format) {
            return path(format.getPath()) + ": must be " + expected(format.getTargetType()) + ", got "
                    + quoted(format.getValue()) + at;
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return path(mismatch.getPath()) + ": must be " + expected(mismatch.getTargetType()) + at;
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return path(mapping.getPath()) + ": " + mapping.getOriginalMessage() + at;
        }
        String field = e instanceof StreamReadException read ? fieldOf(read) : null;
        String problem = e instanceof InputCoercionException coercion ? outOfRange(coercion)
                : e instanceof JsonEOFException ? "the JSON ends early: " + firstLine(e.getOriginalMessage())
                : firstLine(e.getOriginalMessage());
        return (field != null ? field + ": " : "body: ") + problem + at;
    }

    /** Whether a failure is a body Jackson could not read, anywhere in its causes. */
    public static JsonProcessingException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException unreadable) {
                return unreadable; // also a limit of the parser's (nesting depth, number length)
            }
        }
        return null;
    }

    /** {@code containerDefinitions[0].memory} from Jackson's reference chain. */
    public static String path(List<JsonMappingException.Reference> path) {
        String joined = path.stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return joined.isEmpty() ? "body" : joined.startsWith(".") ? joined.substring(1) : joined;
    }

    /** Where the parser stood when it gave up: the field being read, from its context. */
    private static String fieldOf(StreamReadException e) {
        if (e instanceof JsonEOFException || !(e.getProcessor() instanceof JsonParser parser)) {
            return null; // at the end of a truncated body, the last field read says nothing useful
        }
        StringBuilder field = new StringBuilder();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                field.insert(0, "." + c.getCurrentName());
            } else if (c.inArray()) {
                field.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return field.isEmpty() ? null : field.charAt(0) == '.' ? field.substring(1) : field.toString();
    }

    private static String outOfRange(InputCoercionException e) {
        return "the number " + text(e) + " is out of range; must be " + expected(e.getTargetType());
    }

    /** The number as given: Jackson's message quotes it, "Numeric value (99999999999) out of range of int". */
    private static String text(InputCoercionException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int open = message.indexOf('(');
        int close = message.indexOf(')', open + 1);
        return open >= 0 && close > open + 1 && close - open < 80 ? message.substring(open + 1, close) : "given";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Short.class || type == short.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants()).stream().map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        return "of another type";
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > 60) {
            return "";
        }
        return "; the fields here are " + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "\"" + (s.length() > 64 ? s.substring(0, 64) + "…" : s) + "\"" : String.valueOf(value);
    }

    private static String position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not valid JSON";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
