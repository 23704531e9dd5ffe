package dev.berth.registry.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.common.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** A policy the registry cannot apply is an API error of its own, mapped without a catch in the resource. */
class InvalidPolicyExceptionTest {

    @Test
    void isInvalidParameterAboutPolicyText() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> RepositoryPolicy.parse("{\"Statement\":[{\"Effect\":\"Maybe\"}]}"));
        assertEquals(ErrorCode.INVALID_PARAMETER, e.errorCode());
        assertEquals("policyText", e.field());
        assertEquals("Invalid parameter at 'policyText': Statement[0].Effect must be Allow or Deny.", e.getMessage());
    }
}
