package dev.berth.gateway.iam;

import java.util.List;

/** The tenant's people. */
public record UserList(List<TenantUser> users) {
}
