package dev.berth.registry.quota;

/** The tenant's storage quota has no room for this blob. */
public class QuotaExceededException extends RuntimeException {

    public QuotaExceededException(String tenant, long used, long size, long limit) {
        super("storage quota of " + tenant + " exceeded: " + used + " of " + limit + " bytes used, this blob needs "
                + size + " more", null, false, false);
    }
}
