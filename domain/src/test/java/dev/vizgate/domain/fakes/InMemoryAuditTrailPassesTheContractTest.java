package dev.vizgate.domain.fakes;

import dev.vizgate.domain.port.AuditTrail;
import dev.vizgate.domain.testing.AuditTrailContract;
import dev.vizgate.domain.testing.InMemoryAuditTrail;

import java.util.List;

class InMemoryAuditTrailPassesTheContractTest extends AuditTrailContract {
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();

    @Override
    protected AuditTrail trail() {
        return trail;
    }

    @Override
    protected List<String> written() {
        return trail.lines();
    }
}
