package dev.berth.autoscaler.scaling;

import com.google.re2j.Pattern;

/** PolicyName: 1 to 256 printable characters, as botocore's {@code \p{Print}+}. */
public final class PolicyNames {

    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]{1," + ScalingLimits.MAX_POLICY_NAME_LENGTH + "}");

    private PolicyNames() {
    }

    public static String validate(String policyName) {
        ValidationErrors.required(policyName, "PolicyName");
        if (policyName.isEmpty() || policyName.length() > ScalingLimits.MAX_POLICY_NAME_LENGTH) {
            throw ValidationErrors.invalid("PolicyName", "must hold 1 to " + ScalingLimits.MAX_POLICY_NAME_LENGTH + " characters");
        }
        if (!PRINTABLE.matches(policyName)) {
            throw ValidationErrors.invalid("PolicyName", "may hold printable ASCII characters only");
        }
        return policyName;
    }
}
