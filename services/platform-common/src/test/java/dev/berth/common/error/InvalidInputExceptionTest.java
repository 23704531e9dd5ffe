package dev.berth.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void namesTheFieldInTheMessageAndOnItsOwn() {
        var e = new InvalidInputException("count", "between 1 and 10, got 11");
        assertEquals("count: between 1 and 10, got 11", e.getMessage());
        assertEquals("count", e.field());
        assertEquals(400, e.status());
        assertEquals("InvalidParameterException", e.code());
    }

    @Test
    void keepsTheCodeItIsGiven() {
        var e = new InvalidInputException(ErrorCode.CLIENT, "containerDefinitions[0].memory", "must be positive");
        assertEquals("ClientException", e.code());
        assertEquals(400, e.status());
    }

    @Test
    void findsTheFieldAtTheStartOfAMessage() {
        assertEquals("containerDefinitions[0].portMappings[1].hostPort",
                InvalidInputException.fieldOf("containerDefinitions[0].portMappings[1].hostPort: 0 to 65535"));
        assertEquals("body", ApiException.invalidParameter("body: a RunTask request is required").field());
        assertNull(InvalidInputException.fieldOf("The repository with name 'x' does not exist: ok"));
        assertNull(InvalidInputException.fieldOf("no colon here"));
    }
}
