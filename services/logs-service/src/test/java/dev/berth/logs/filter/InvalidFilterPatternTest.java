package dev.berth.logs.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.common.error.InvalidInputException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Patterns that do not parse, each with what is wrong and where. */
class InvalidFilterPatternTest {

    static Stream<Arguments> invalidPatterns() {
        return Stream.of(
                Arguments.of("{ $.level = \"ERROR\"", "unbalanced '{' at 0"),
                Arguments.of("\"Failed to", "unterminated '\"' at 0"),
                Arguments.of("ERROR %WARN", "unterminated '%' at 6"),
                Arguments.of("{ level = \"ERROR\" }", "expected a selector such as $.field at 2"),
                Arguments.of("{ $.latency > slow }", "'>' needs a number at 14"),
                Arguments.of("{ ($.a = 1 }", "unbalanced '(' at 2"),
                Arguments.of("{ $.list[x] = 1 }", "expected an array index at 9"),
                Arguments.of("{ $.a IS MAYBE }", "expected NULL, TRUE or FALSE after IS at 9"),
                Arguments.of("{ $.a NOT THERE }", "expected EXISTS after NOT at 10"),
                Arguments.of("{ }", "empty JSON pattern at 0"),
                Arguments.of("{ $.a = 1 } ERROR", "unexpected text after the closing '}' at 12"),
                Arguments.of("{ $.a == 1 }", "'==' is not an operator, use '=' at 6"),
                Arguments.of("{ $.a = 1 & $.b = 2 }", "unexpected '&' at 10"),
                Arguments.of("{ $.a = }", "expected a value after '=' at 8"),
                Arguments.of("{ $.a = %x% || $.b = %y% || $.c = %z% }",
                        "at most 2 regular expressions are allowed in a pattern at 34"),
                Arguments.of("[ip, user, bytes", "unbalanced '[' at 0"),
                Arguments.of("[..., status_code, ...]", "only one '...' is allowed at 19"),
                Arguments.of("[status_code = 4* && bytes > 1000]", "unknown field 'bytes' at 21"),
                Arguments.of("[a, a]", "field 'a' is declared twice at 4"),
                Arguments.of("[]", "empty space-delimited pattern at 0"),
                Arguments.of("%(ERROR|WARN)%", "'(' is not supported in a regular expression at 1"),
                Arguments.of("%%", "empty regular expression at 0"),
                Arguments.of("ERROR ?", "expected a term after '?' at 6"),
                Arguments.of("\"ERROR\"x", "expected a space before 'x' at 7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPatterns")
    void saysWhatIsWrongAndWhere(String pattern, String message) {
        InvalidFilterPatternException e = assertThrows(InvalidFilterPatternException.class,
                () -> FilterPattern.parse(pattern));
        assertEquals("filterPattern: " + message, e.getMessage());
    }

    @Test
    void invalidRegexReportsTheDescriptionInsideTheRegex() {
        InvalidFilterPatternException e = assertThrows(InvalidFilterPatternException.class,
                () -> FilterPattern.parse("ERROR %[a-%"));
        assertTrue(e.getMessage().startsWith("filterPattern: invalid regular expression"), e.getMessage());
        assertTrue(e.position() > 6 && e.position() < 11, e.getMessage());
    }

    @Test
    void isBadInputNamingTheFieldWithProblemAndPosition() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> FilterPattern.parse("[ip, user"));
        assertEquals("filterPattern", e.field());
        InvalidFilterPatternException invalid = (InvalidFilterPatternException) e;
        assertEquals("unbalanced '['", invalid.problem());
        assertEquals(0, invalid.position());
    }
}
