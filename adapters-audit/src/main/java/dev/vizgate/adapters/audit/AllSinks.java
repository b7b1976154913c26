package dev.vizgate.adapters.audit;

import dev.vizgate.domain.model.AuditEvent;
import dev.vizgate.domain.port.AuditTrail;

import java.util.List;

/** Every sink a deployment names, as one trail: each event to each, their drops counted together, all closed together. */
public final class AllSinks implements AuditTrail, AutoCloseable {
    private final List<LogbackAuditTrail> sinks;

    public AllSinks(List<LogbackAuditTrail> sinks) {
        this.sinks = List.copyOf(sinks);
        if (this.sinks.isEmpty()) {
            throw new IllegalArgumentException("an audit trail writes to one sink at least");
        }
    }

    @Override
    public void record(AuditEvent event) {
        for (var sink : sinks) {
            sink.record(event);
        }
    }

    /** Records that found a sink's queue full, over every sink. */
    public long dropped() {
        return sinks.stream().mapToLong(LogbackAuditTrail::dropped).sum();
    }

    /**
     * Whether some sink would write a record given now. As with Vault's audit devices, one sink that can record is
     * enough: a deployment that names two does so to survive one being down.
     */
    public boolean writable() {
        return sinks.stream().anyMatch(LogbackAuditTrail::writable);
    }

    @Override
    public void close() {
        sinks.forEach(LogbackAuditTrail::close);
    }

    @Override
    public String toString() {
        return "audit trail to " + sinks.size() + (sinks.size() == 1 ? " sink" : " sinks");
    }
}
