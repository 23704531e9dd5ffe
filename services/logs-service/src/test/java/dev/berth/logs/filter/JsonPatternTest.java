package dev.berth.logs.filter;

import static dev.berth.logs.filter.PatternAssertions.assertMatches;
import static dev.berth.logs.filter.PatternAssertions.assertNoMatch;

import org.junit.jupiter.api.Test;

/** JSON patterns, with the examples of CloudWatch's "match terms in JSON log events". */
class JsonPatternTest {

    private static final String TRAIL_EVENT = """
            {"eventType": "UpdateTrail", "sourceIPAddress": "111.111.111.111",
             "arrayKey": ["value", "another value"],
             "objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}],
             "SomeObject": null, "ThisFlag": true}""";

    private static final String USERS_EVENT = """
            {"user": {"id": 1, "email": "John.Stiles@example.com"},
             "users": [{"id": 2, "email": "John.Doe@example.com"}, {"id": 3, "email": "Jane.Doe@example.com"}],
             "actions": ["GET", "PUT", "DELETE"],
             "coordinates": [[0, 1, 2], [4, 5, 6], [7, 8, 9]]}""";

    @Test
    void stringEqualityQuotedOrBare() {
        assertMatches("{ $.eventType = \"UpdateTrail\" }", TRAIL_EVENT);
        assertMatches("{$.eventType=UpdateTrail}", TRAIL_EVENT);
        assertNoMatch("{ $.eventType = \"PutTrail\" }", TRAIL_EVENT);
        assertNoMatch("{ $.eventType = \"updatetrail\" }", TRAIL_EVENT);
    }

    @Test
    void wildcardAtStartOrEndOnly() {
        assertMatches("{ $.sourceIPAddress != 123.123.* }", TRAIL_EVENT);
        assertMatches("{ $.sourceIPAddress = 111.111.* }", TRAIL_EVENT);
        assertMatches("{ $.eventType = *Trail }", TRAIL_EVENT);
        assertMatches("{ $.eventType = \"Update*\" }", TRAIL_EVENT);
        assertNoMatch("{ $.eventType = Up*Trail }", TRAIL_EVENT);
        assertMatches("{ $.name = Up*Trail }", "{\"name\": \"Up*Trail\"}");
    }

    @Test
    void starAloneMeansThePropertyHasAValue() {
        assertMatches("{ $.eventType = \"*\" && $.sourceIPAddress != 123.123.* }", TRAIL_EVENT);
        assertMatches("{ $.latency = * }", "{\"latency\": 42}");
        assertNoMatch("{ $.latency = * }", "{\"other\": 42}", "{\"latency\": null}");
    }

    @Test
    void arrayElementsAndObjectsInArrays() {
        assertMatches("{ $.arrayKey[0] = \"value\" }", TRAIL_EVENT);
        assertMatches("{ $.arrayKey[1] = \"another value\" }", TRAIL_EVENT);
        assertMatches("{ $.objectList[1].id = 2 }", TRAIL_EVENT);
        assertNoMatch("{ $.objectList[1].id = 1 }", TRAIL_EVENT);
        assertNoMatch("{ $.objectList[5].id = 1 }", TRAIL_EVENT);
        assertNoMatch("{ $.eventType[0] = U }", TRAIL_EVENT);
    }

    @Test
    void isNullOnlyForAPropertySetToNull() {
        assertMatches("{ $.SomeObject IS NULL }", TRAIL_EVENT);
        assertNoMatch("{ $.eventType IS NULL }", TRAIL_EVENT);
        assertNoMatch("{ $.SomeOtherObject IS NULL }", TRAIL_EVENT);
    }

    @Test
    void notExistsOnlyForAMissingProperty() {
        assertMatches("{ $.SomeOtherObject NOT EXISTS }", TRAIL_EVENT);
        assertNoMatch("{ $.SomeObject NOT EXISTS }", TRAIL_EVENT);
        assertMatches("{ $.eventType.inner NOT EXISTS }", TRAIL_EVENT);
    }

    @Test
    void isTrueAndIsFalse() {
        assertMatches("{ $.ThisFlag IS TRUE }", TRAIL_EVENT);
        assertNoMatch("{ $.ThisFlag IS FALSE }", TRAIL_EVENT);
        assertMatches("{ $.ThisFlag IS FALSE }", "{\"ThisFlag\": false}");
        assertNoMatch("{ $.ThisFlag IS TRUE }", "{\"ThisFlag\": \"true\"}");
    }

    @Test
    void compoundExpressionsFollowTheDocumentedOrderOfOperations() {
        assertMatches("{ ($.user.id = 1) && ($.users[0].email = \"John.Doe@example.com\") }", USERS_EVENT);
        assertNoMatch("{ ($.user.id = 2 && $.users[0].email = \"nonmatch\") || $.actions[2] = \"GET\" }",
                USERS_EVENT);
        assertMatches("{ $.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch"
                + " && $.actions[2] = nomatch }", USERS_EVENT);
        assertNoMatch("{ ($.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch)"
                + " && $.actions[2] = nomatch }", USERS_EVENT);
        assertMatches("{ $.coordinates[2][0] = 7 && $.actions[1] = PUT }", USERS_EVENT);
    }

    @Test
    void orBetweenValuesOfOneProperty() {
        assertMatches("{$.foo = bar}", "{\"foo\": \"bar\"}");
        assertNoMatch("{$.foo = bar}", "{\"foo\": \"baz\"}");
        assertMatches("{$.foo = bar || $.foo = baz }", "{\"foo\": \"bar\"}", "{\"foo\": \"baz\"}");
    }

    @Test
    void numericComparisons() {
        String event = "{\"latency\": 500, \"numbers\": [0.001], \"errorCode\": 400,"
                + " \"processes\": [0, 0, 0, 0, {\"averageRuntime\": 55.5}]}";
        assertMatches("{ $.latency >= 500 }", event);
        assertNoMatch("{ $.latency > 500 }", event);
        assertMatches("{ $.numbers[0] < 10e3 }", event);
        assertMatches("{ $.numbers[0] < 10e-3 }", event);
        assertMatches("{ $.numbers[0] = 1e-3 }", event);
        assertMatches("{ $.processes[4].averageRuntime <= 55.5 }", event);
        assertMatches("{ $.errorCode = 400 }", event);
        assertMatches("{ $.errorCode != 500 }", event);
        assertNoMatch("{ $.latency > +1000 }", event);
        assertMatches("{ $.latency > +1000 }", "{\"latency\": 1000.5}");
    }

    @Test
    void numbersCompareNumericallyEvenWhenWrittenAsStrings() {
        assertMatches("{ $.status = 200 }", "{\"status\": \"200\"}", "{\"status\": 200.0}");
        assertMatches("{ $.status >= 400 }", "{\"status\": \"503\"}");
        assertNoMatch("{ $.status >= 400 }", "{\"status\": \"unknown\"}");
        assertMatches("{ $.status != 400 }", "{\"status\": \"unknown\"}");
    }

    @Test
    void selectorOnAnArrayOrObjectMatchesNeitherEqualNorNotEqual() {
        assertNoMatch("{ $.users = 1 }", "{\"users\": [1, 2, 3]}");
        assertNoMatch("{ $.users != 1 }", "{\"users\": [1, 2, 3]}");
        assertNoMatch("{ $.user != x }", "{\"user\": {\"id\": 1}}");
        assertNoMatch("{ $.missing != x }", "{\"user\": 1}");
    }

    @Test
    void messageThatIsNotAJsonObjectDoesNotMatch() {
        String pattern = "{ $.level = \"ERROR\" && $.latency > 100 }";
        assertMatches(pattern, "{\"level\": \"ERROR\", \"latency\": 101}", "  {\"level\":\"ERROR\",\"latency\":1e3}\n");
        assertNoMatch(pattern, "ERROR latency 101", "[{\"level\": \"ERROR\"}]", "{\"level\": \"ERROR\",",
                "{\"level\": \"ERROR\", \"latency\": 101} trailing", "", "null");
    }

    @Test
    void valuesAreComparedAfterJsonUnescaping() {
        assertMatches("{ $.level = ERROR }", "{\"level\": \"\\u0045RROR\"}");
        assertMatches("{ $.path = \"C:\\\\temp\" }", "{\"path\": \"C:\\\\temp\"}");
    }
}
