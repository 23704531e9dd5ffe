package dev.berth.logs.groups;

import dev.berth.common.auth.Principal;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.InvalidInputException;

/**
 * Log groups whose names start with {@code /berth/} belong to the platform: the audit trail is
 * {@code /berth/audit}. A tenant reads them like any group but writes none: no events, groups or
 * streams are created there through the API (the audit trail writes its own group), and only a
 * platform operator deletes them or changes their retention and tags. CloudWatch answers a name
 * under its own reserved {@code aws/} prefix the same way, with InvalidParameterException.
 */
public final class ReservedGroups {

    public static final String PREFIX = "/berth/";

    private ReservedGroups() {
    }

    public static boolean isReserved(String name) {
        return name != null && name.startsWith(PREFIX);
    }

    /** For what nobody does to a reserved group through the API: put events, create it or a stream in it. */
    public static void refuse(String name) {
        if (isReserved(name)) {
            throw refused(name);
        }
    }

    /** For changes only a platform operator may make to a reserved group: delete it or a stream, retention, tags. */
    public static void refuseUnlessOperator(Principal caller, String name) {
        if (isReserved(name) && !caller.isPlatformOperator()) {
            throw refused(name);
        }
    }

    private static ApiException refused(String name) {
        return new InvalidInputException("logGroupName", "names starting with " + PREFIX
                + " are reserved for the platform, got '" + name + "'");
    }
}
