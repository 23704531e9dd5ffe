package dev.berth.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorCodesTest {

    @Test
    void mapsStatusesToAwsStyleNames() {
        assertEquals("InvalidParameterException", ErrorCodes.forStatus(400));
        assertEquals("ResourceNotFoundException", ErrorCodes.forStatus(404));
        assertEquals("ThrottlingException", ErrorCodes.forStatus(429));
        assertEquals("ServerException", ErrorCodes.forStatus(500));
        assertEquals("ClientException", ErrorCodes.forStatus(418));
    }
}
