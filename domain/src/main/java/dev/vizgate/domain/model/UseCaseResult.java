package dev.vizgate.domain.model;

import java.util.Locale;

/**
 * How a run of a use case ended, in three words an observation may carry as a tag: granted (a token or a session),
 * refused (a policy or a rule said no), or failed (a vendor, a key or a signer could not). The detail stays with the
 * outcome itself, where it may hold what a tag must not.
 */
public enum UseCaseResult {
    GRANTED, REFUSED, FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
