package dev.vizgate.sdk;

import dev.vizgate.domain.port.AuditTrail;

/** An audit trail the sdk opened: where to record, what it could not keep, and closing it writes what is queued. */
public interface OpenedAuditTrail extends AutoCloseable {
    /** The trail to record each decision in (every sink the settings name). */
    AuditTrail trail();

    /** Records that found a sink's queue full since the trail opened. */
    long dropped();

    @Override
    void close();
}
