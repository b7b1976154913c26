package dev.vizgate.domain.port;

import dev.vizgate.domain.model.AuditEvent;

/**
 * Where the decisions go for a security review. {@link #record} never blocks the request that made the decision and
 * never throws: an event it cannot keep is counted by the adapter, never silently lost.
 */
public interface AuditTrail {
    void record(AuditEvent event);

    /** Records nothing: a deployment with no audit trail configured. */
    static AuditTrail none() {
        return event -> { };
    }
}
