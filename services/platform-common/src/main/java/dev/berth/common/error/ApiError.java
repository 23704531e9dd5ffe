package dev.berth.common.error;

/**
 * The one error body of every Berth management API (DESIGN.md §7): an AWS-style exception
 * name, a human message that names the offending field where there is one, and the request
 * id to quote when asking for help.
 */
public record ApiError(String code, String message, String requestId) {
}
