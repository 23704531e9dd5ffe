package dev.berth.registry.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.common.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** An invalid lifecycle policy is an API error of its own, mapped without a catch in the resource. */
class InvalidLifecyclePolicyExceptionTest {

    @Test
    void isInvalidParameterAboutLifecyclePolicyText() {
        InvalidLifecyclePolicyException e = assertThrows(InvalidLifecyclePolicyException.class,
                () -> LifecyclePolicy.parse("{\"rules\":[]}"));
        assertEquals(ErrorCode.INVALID_PARAMETER, e.errorCode());
        assertEquals("lifecyclePolicyText", e.field());
        assertEquals("Invalid parameter at 'lifecyclePolicyText': Lifecycle policy must have a non-empty 'rules' array.",
                e.getMessage());
    }
}
