package dev.vizgate.app.http;

import dev.vizgate.domain.model.AuditCaller;
import dev.vizgate.domain.model.AuditContext;
import dev.vizgate.domain.model.AuditEvent;
import dev.vizgate.domain.model.AuditReason;
import dev.vizgate.domain.model.ConfigChange;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.port.AuditTrail;
import dev.vizgate.domain.usecase.RotationOutcome;
import dev.vizgate.sdk.OpenedAuditTrail;
import org.eclipse.jetty.server.Request;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The gateway's side of the audit trail: each decision as its event, with who asked, for which user and tenant, and
 * the trace id of the platform's request ({@code traceparent}, W3C trace context). A turned-away caller, a refused
 * grant and a grant are each recorded once: {@link Admission} records the first two, the granting route the third.
 */
public final class Audits {
    private static final Audits NONE = new Audits(AuditTrail.none(), Clock.systemUTC(), false, Optional.empty());

    private final AuditTrail trail;
    private final Clock clock;
    private final boolean on;
    private final Optional<BooleanSupplier> required;

    /** Records each decision; a sink that cannot write never refuses a grant (it is counted and reported). */
    public Audits(AuditTrail trail, Clock clock) {
        this(trail, clock, true, Optional.empty());
    }

    private Audits(AuditTrail trail, Clock clock, boolean on, Optional<BooleanSupplier> required) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.on = on;
        this.required = required;
    }

    /** The trail the settings describe, which fails closed when they require it: nothing is granted while it cannot write. */
    public static Audits of(OpenedAuditTrail opened, Clock clock) {
        return new Audits(opened.trail(), clock, true, opened.required() ? Optional.of(opened::writable) : Optional.empty());
    }

    /**
     * The refusal of every grant while a required trail cannot write (a full disk, a syslog daemon gone), as Vault
     * refuses requests no audit device can record; empty when a grant may go ahead. Checked before anything is spent.
     */
    Optional<Problem> closed() {
        if (required.isEmpty() || required.get().getAsBoolean()) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(ProblemType.AUDIT_UNAVAILABLE, "the audit trail is required and cannot record now (a full disk, or its"
                + " syslog daemon away), so nothing is granted; retry once /readyz answers 200"));
    }

    /** Records nothing, and builds no event: a gateway without an audit trail pays nothing for one. */
    public static Audits none() {
        return NONE;
    }

    /** Whether events are recorded at all (building one costs a request an allocation or two). */
    boolean on() {
        return on;
    }

    void record(AuditEvent event) {
        trail.record(event);
    }

    /** The context of an admitted caller's request, for {@code tenant} ("-" for none). */
    AuditContext context(Admission.Acting acting, String tenant) {
        return new AuditContext(clock.instant(), tenant(tenant), callerOf(acting.caller()), Optional.of(acting.user()), traceId(acting.request()));
    }

    /** A caller turned away before it was admitted: who it proved to be, if anyone, and why not. */
    void turnedAway(Request request, Optional<Caller> proved, Problem problem) {
        if (!on) {
            return;
        }
        var caller = proved.map(Audits::callerOf).orElse(AuditCaller.unauthenticated());
        trail.record(new AuditEvent.CallerRefused(new AuditContext(clock.instant(), Optional.empty(), caller, Optional.empty(), traceId(request)),
                reason(problem)));
    }

    /** An admitted caller's request, refused. */
    void refused(Admission.Acting acting, Reply reply) {
        if (!on) {
            return;
        }
        var reason = reply.refusal().map(Audits::reason).orElse(new AuditReason("refused", "answered " + reply.status()));
        trail.record(new AuditEvent.TokenRefused(context(acting, reply.tenant()), reason)); // the tenant asked for, refused or not
    }

    /**
     * The web-server flow's callback: the user Salesforce signed in (or who began the sign-in), and how it ended. The
     * caller is the browser coming back from Salesforce, which proves nothing by itself: the state and cookie do.
     */
    void signInCompleted(Request request, Optional<Subject> user, String outcome) {
        if (!on) {
            return;
        }
        trail.record(new AuditEvent.SignInCompleted(new AuditContext(clock.instant(), Optional.empty(),
                new AuditCaller("salesforce-callback", AuditCaller.Kind.UNAUTHENTICATED), user, traceId(request)), outcome));
    }

    /** Who rotates on {@code serve}'s schedule. */
    public static final String ROTATION_SCHEDULE = "rotation-schedule";

    /**
     * A step of a rotation as it starts, for a tenant ("-" for a one-tenant configuration); {@code by} names who runs it
     * ({@link #ROTATION_SCHEDULE}, or the command an operator ran).
     */
    public void rotation(String by, String tenant, String step, Optional<SecretId> secretId) {
        if (!on) {
            return;
        }
        trail.record(new AuditEvent.SecretRotated(new AuditContext(clock.instant(), tenant(tenant), new AuditCaller(by, AuditCaller.Kind.OPERATOR),
                Optional.empty(), Optional.empty()), step, secretId));
    }

    /** How a rotation ended: rotated (to the new secret's id), or paused or refused at a step. */
    public void rotationEnded(String by, String tenant, RotationOutcome outcome) {
        if (outcome instanceof RotationOutcome.Rotated r) {
            rotation(by, tenant, "rotated", Optional.of(r.to()));
        } else if (outcome instanceof RotationOutcome.Paused p) {
            rotation(by, tenant, "paused at " + p.at().label(), Optional.empty());
        } else {
            rotation(by, tenant, "refused at " + ((RotationOutcome.Refused) outcome).at().label(), Optional.empty());
        }
    }

    /** A tenant's definition changed on this running gateway; the tenant catalogue is the caller. */
    public void configChanged(TenantId tenant, ConfigChange change, String detail) {
        if (!on) {
            return;
        }
        trail.record(new AuditEvent.ConfigChanged(new AuditContext(clock.instant(), Optional.of(tenant), new AuditCaller("tenant-catalogue",
                AuditCaller.Kind.OPERATOR), Optional.empty(), Optional.empty()), change, detail));
    }

    static AuditReason reason(Problem problem) {
        return new AuditReason(problem.kind().slug(), problem.detail());
    }

    static AuditCaller callerOf(Caller caller) {
        if (caller instanceof Caller.Browser browser) {
            return new AuditCaller(caller.name(), browser.idpToken().isPresent() ? AuditCaller.Kind.IDENTITY_PROVIDER : AuditCaller.Kind.PLATFORM_ASSERTION);
        }
        return new AuditCaller(caller.name(), AuditCaller.Kind.API_KEY);
    }

    private static Optional<TenantId> tenant(String tenant) {
        return "-".equals(tenant) ? Optional.empty() : Optional.of(new TenantId(tenant));
    }

    /** The trace id of a well-formed {@code traceparent} header, else none. */
    static Optional<String> traceId(Request request) {
        return TraceParent.of(request).map(TraceParent::traceId);
    }
}
