package dev.vizgate.domain.model;

/** What happened to a tenant's definition on a running gateway, as the audit trail and the operators' logs name it. */
public enum ConfigChange {
    /** First served: its definition was built at its first use. */
    ADDED("added"),
    /** Its definition changed and the new one now serves. */
    CHANGED("changed"),
    /** Gone from its catalogue: it serves no more. */
    REMOVED("removed"),
    /** Its changed definition is not valid: the last good one keeps serving. */
    REFUSED("refused");

    private final String label;

    ConfigChange(String label) {
        this.label = label;
    }

    /** The change as the trail writes it. */
    public String label() {
        return label;
    }
}
