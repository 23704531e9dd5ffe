package dev.berth.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void startsAtTheFirstPageWithTheDefaultLimit() {
        PageRequest first = PageRequest.of(null, null, 10, 100);
        assertEquals(10, first.limit());
        assertNull(first.after());
        assertEquals(11, first.rowsToRead());
    }

    @Test
    void goesOnAfterThePositionOfAToken() {
        PageRequest next = PageRequest.of(5, PageTokens.encode("web"), 10, 100);
        assertEquals(5, next.limit());
        assertEquals("web", next.after());
    }

    @Test
    void refusesALimitOutOfRangeByName() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PageRequest.of(101, null, 10, 100));
        assertEquals("maxResults: between 1 and 100, got 101", e.getMessage());
        assertEquals("InvalidParameterException", e.code());
    }

    @Test
    void refusesATokenItDidNotGiveOutWithTheCallersError() {
        ApiException e = assertThrows(ApiException.class, () -> PageRequest.of(null, "not base64!", 10, 100,
                message -> new InvalidInputException(ErrorCode.CLIENT, null, message)));
        assertEquals("nextToken: not a token this API gave out", e.getMessage());
        assertEquals("ClientException", e.code());
    }
}
