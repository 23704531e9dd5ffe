package dev.berth.common.auth;

/**
 * What a call does to a tenant's resources, ordered from least to most power. The levels of a
 * tenant's people follow OpsWorks: show = {@link #READ}, deploy = {@link #DEPLOY}, manage =
 * {@link #MANAGE}.
 */
public enum Action {
    /** List, describe, get, tail. */
    READ,
    /** Run tasks, deploy, update services, push images: change what runs, not who may. */
    DEPLOY,
    /** Create and delete resources, policies and permissions. */
    MANAGE
}
