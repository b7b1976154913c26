package dev.vizgate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What every audit event carries: when, for which tenant, who asked, for which user, and the request's W3C trace id
 * (32 lowercase hex digits) that joins the record to the platform's own request. The node is the writer's to add.
 */
public record AuditContext(Instant at, Optional<TenantId> tenant, AuditCaller caller, Optional<Subject> user, Optional<String> traceId) {
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    public AuditContext {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(traceId, "traceId");
        traceId.ifPresent(t -> {
            if (!TRACE_ID.matcher(t).matches()) {
                throw new IllegalArgumentException("a trace id is 32 lowercase hex digits (W3C trace context)");
            }
        });
    }

    public AuditContext withTenant(TenantId tenant) {
        return new AuditContext(at, Optional.of(tenant), caller, user, traceId);
    }
}
