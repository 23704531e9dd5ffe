package dev.berth.gateway.iam;

import java.util.List;

/** The tenant's service accounts (without secrets). */
public record ServiceAccountList(List<ServiceAccount> serviceAccounts) {
}
