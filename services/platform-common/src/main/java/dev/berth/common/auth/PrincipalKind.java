package dev.berth.common.auth;

/** Who stands behind a token. */
public enum PrincipalKind {
    /** A person of a tenant, logged in through Keycloak. */
    USER,
    /** A tenant's CI pipeline or tool, with client credentials. */
    SERVICE_ACCOUNT,
    /** A registered host agent; acts only for its own host. */
    HOST,
    /** A running task with a task role; acts only within the role's scopes. */
    TASK
}
