package dev.berth.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void keepsAClientsSaneId() {
        assertEquals("build-42:step_3.a", RequestIds.acceptOrCreate("build-42:step_3.a"));
    }

    @Test
    void replacesMissingOrUnsafeIds() {
        for (String bad : new String[] {null, "", "  ", "a b", "x\r\nSet-Cookie: y", "é".repeat(3), "a".repeat(129)}) {
            String id = RequestIds.acceptOrCreate(bad);
            assertNotEquals(bad, id);
            assertTrue(id.matches("[0-9a-f-]{36}"), id);
        }
    }
}
