package dev.vizgate.sdk;

import dev.vizgate.domain.port.AuditTrail;

/** An audit trail the sdk opened: where to record, what it could not keep, and closing it writes what is queued. */
public interface OpenedAuditTrail extends AutoCloseable {
    /** The trail to record each decision in (every sink the settings name). */
    AuditTrail trail();

    /**
     * Records given up since the trail opened: those that found a sink's queue full, and those a sink still refused as
     * the trail closed. A record a sink refuses while the trail is open is held and written once the sink recovers.
     */
    long dropped();

    /** Whether some sink would write a record given now (a full disk or a syslog daemon gone makes its sink unwritable). */
    boolean writable();

    /** Whether the settings require the trail: then a face grants nothing while it is not {@link #writable()}. */
    boolean required();

    @Override
    void close();
}
