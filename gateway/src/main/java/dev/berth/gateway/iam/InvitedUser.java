package dev.berth.gateway.iam;

/** The answer to an invitation: the one-time password is shown here only and must be changed at first login. */
public record InvitedUser(TenantUser user, String temporaryPassword) {
}
