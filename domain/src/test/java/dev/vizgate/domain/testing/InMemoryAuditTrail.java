package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.AuditEvent;
import dev.vizgate.domain.port.AuditTrail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the events, for tests that ask what was recorded; {@link #lines} writes each without its user or values. */
public final class InMemoryAuditTrail implements AuditTrail {
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    public List<AuditEvent> events() {
        return List.copyOf(events);
    }

    /** One line per event: its kind, tenant and what identifies it, as a trail would write it, no personal value. */
    public List<String> lines() {
        return events.stream().map(InMemoryAuditTrail::line).toList();
    }

    private static String line(AuditEvent event) {
        var tenant = event.context().tenant().map(t -> t.value()).orElse("-");
        var what = "";
        if (event instanceof AuditEvent.TokenIssued i) {
            what = "\"" + i.tokenId().value() + "\" attributes " + i.attributes().values().keySet();
        } else if (event instanceof AuditEvent.TokenRefused r) {
            what = r.reason().type();
        } else if (event instanceof AuditEvent.CallerRefused r) {
            what = r.reason().type();
        }
        return event.kind() + " tenant " + tenant + " " + what;
    }
}
