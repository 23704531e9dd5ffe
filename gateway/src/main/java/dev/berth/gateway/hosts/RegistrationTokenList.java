package dev.berth.gateway.hosts;

import java.util.List;

/** The tenant's registration tokens (without their secrets). */
public record RegistrationTokenList(List<RegistrationToken> registrationTokens) {
}
