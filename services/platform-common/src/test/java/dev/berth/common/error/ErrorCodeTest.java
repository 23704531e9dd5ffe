package dev.berth.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void mapsStatusesToAwsStyleNames() {
        assertEquals("InvalidParameterException", ErrorCode.forStatus(400));
        assertEquals("ResourceNotFoundException", ErrorCode.forStatus(404));
        assertEquals("ThrottlingException", ErrorCode.forStatus(429));
        assertEquals("ServerException", ErrorCode.forStatus(500));
        assertEquals("ClientException", ErrorCode.forStatus(418));
    }
}
