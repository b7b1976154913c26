package dev.vizgate.app.wiring;

import dev.vizgate.app.http.Audits;
import dev.vizgate.domain.usecase.RotateOnSchedule;
import dev.vizgate.domain.usecase.RotationOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code serve}'s own rotation schedule: one daemon thread asks each scheduled rotation (the one Connected App's, or
 * each tenant's) every {@code period}, moved by up to a tenth either way so nodes do not ask in step. Each tick's result
 * is counted and logged by tenant ("-" without tenants); the next due time and the last success are gauges per tenant,
 * so an alert can fire on a secret past its due date.
 */
public final class RotationSchedule implements AutoCloseable {
    /** Ticks by tenant and result: not-due, held-elsewhere, rotated, paused, refused, lease-unavailable, failed. */
    public static final String TICKS = "vizgate.rotation.ticks";
    /** When the next rotation is due, in epoch seconds, by tenant. */
    public static final String NEXT_DUE = "vizgate.rotation.next.due";
    /** When this node last finished a rotation, in epoch seconds (0 before the first), by tenant. */
    public static final String LAST_SUCCESS = "vizgate.rotation.last.success";
    /** The tenant tag of a deployment without tenants. */
    public static final String NO_TENANT = "-";

    private static final Logger LOG = LoggerFactory.getLogger(RotationSchedule.class);

    private record Times(AtomicReference<Instant> nextDue, AtomicReference<Instant> lastSuccess) {
    }

    /**
     * Every tenant's schedule: {@code rotations} names the tenants now (by id), each with how to reach its scheduled
     * rotation (building the tenant if need be; it throws when the tenant cannot be built); {@code tag} is the
     * {@code tenant} tag of an id's meters, bounded like every tenant meter.
     */
    public record OfTenants(Supplier<Map<String, Supplier<Optional<RotateOnSchedule>>>> rotations, Function<String, String> tag) {
    }

    private final Audits audits;
    private final Supplier<Map<String, Supplier<Optional<RotateOnSchedule>>>> rotations;
    private final Function<String, String> tag;
    private final MeterRegistry meters;
    private final Duration period;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final Map<String, Times> times = new ConcurrentHashMap<>();

    private RotationSchedule(Supplier<Map<String, Supplier<Optional<RotateOnSchedule>>>> rotations, Function<String, String> tag, MeterRegistry meters,
                             Duration period, Clock clock, Audits audits) {
        this.audits = audits;
        this.rotations = rotations;
        this.tag = tag;
        this.meters = meters;
        this.period = period;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "vizgate-rotation-schedule");
            t.setDaemon(true);
            return t;
        });
    }

    /** The one Connected App's schedule: the first tick now, then every {@code period} with jitter. */
    public static RotationSchedule start(RotateOnSchedule rotation, MeterRegistry meters, Duration period, Clock clock) {
        return start(rotation, meters, period, clock, Audits.none());
    }

    /** As {@link #start(RotateOnSchedule, MeterRegistry, Duration, Clock)}, recording each step in the audit trail. */
    public static RotationSchedule start(RotateOnSchedule rotation, MeterRegistry meters, Duration period, Clock clock, Audits audits) {
        var schedule = new RotationSchedule(() -> Map.of(NO_TENANT, () -> Optional.of(rotation)), Function.identity(), meters, period, clock, audits);
        schedule.thread.execute(schedule::tickAndPlanNext);
        return schedule;
    }

    /** Every tenant's schedule ({@link OfTenants}). The first tick waits one period, so start-up never waits for a thousand tenants' secrets. */
    public static RotationSchedule startForTenants(OfTenants tenants, MeterRegistry meters, Duration period, Clock clock) {
        return startForTenants(tenants, meters, period, clock, Audits.none());
    }

    /** As {@link #startForTenants(OfTenants, MeterRegistry, Duration, Clock)}, recording each step in the audit trail. */
    public static RotationSchedule startForTenants(OfTenants tenants, MeterRegistry meters, Duration period, Clock clock, Audits audits) {
        var schedule = new RotationSchedule(tenants.rotations(), tenants.tag(), meters, period, clock, audits);
        schedule.planNext();
        return schedule;
    }

    /** One round over every scheduled rotation, as the thread runs it; public for tests that drive it themselves. */
    public Map<String, RotateOnSchedule.Tick> tick() {
        var out = new LinkedHashMap<String, RotateOnSchedule.Tick>();
        Map<String, Supplier<Optional<RotateOnSchedule>>> now;
        try {
            now = rotations.get();
        } catch (RuntimeException e) {
            LOG.warn("scheduled rotation could not list the tenants: {}", e.getMessage());
            return out;
        }
        now.forEach((tenant, rotation) -> tick(tenant, rotation).ifPresent(t -> out.put(tenant, t)));
        return out;
    }

    /** One tenant's tick; empty when the tenant has no schedule. */
    private Optional<RotateOnSchedule.Tick> tick(String tenant, Supplier<Optional<RotateOnSchedule>> reach) {
        RotateOnSchedule.Tick tick;
        try {
            var rotation = reach.get();
            if (rotation.isEmpty()) {
                return Optional.empty();
            }
            tick = rotation.get().tick(step -> audits.rotation(Audits.ROTATION_SCHEDULE, tenant, step.label(), Optional.empty()));
        } catch (RuntimeException e) {
            if (thread.isShutdown()) {
                // Stopped with the node: the journal and the lapsing lease let the next run finish it.
                LOG.info("scheduled rotation of tenant {} stopped with the node: {}", tenant, e.getMessage());
                return Optional.of(new RotateOnSchedule.Tick.LeaseUnavailable("stopped with the node"));
            }
            LOG.warn("scheduled rotation of tenant {} failed: {}", tenant, e.getMessage());
            count(tenant, "failed");
            return Optional.of(new RotateOnSchedule.Tick.LeaseUnavailable(String.valueOf(e.getMessage())));
        }
        var at = times(tag.apply(tenant));
        if (tick instanceof RotateOnSchedule.Tick.NotDue n) {
            at.nextDue().set(n.due());
            count(tenant, "not-due");
        } else if (tick instanceof RotateOnSchedule.Tick.HeldElsewhere) {
            count(tenant, "held-elsewhere");
        } else if (tick instanceof RotateOnSchedule.Tick.LeaseUnavailable u) {
            LOG.warn("scheduled rotation of tenant {} could not ask for its lease ({}); the next tick tries again", tenant, u.why());
            count(tenant, "lease-unavailable");
        } else {
            var ran = (RotateOnSchedule.Tick.Ran) tick;
            audits.rotationEnded(Audits.ROTATION_SCHEDULE, tenant, ran.outcome());
            if (ran.outcome() instanceof RotationOutcome.Rotated r) {
                at.lastSuccess().set(clock.instant());
                LOG.info("scheduled rotation of tenant {} under lease fence {}: {} -> {}", tenant, ran.fence(), r.from(), r.to());
                count(tenant, "rotated");
            } else if (ran.outcome() instanceof RotationOutcome.Paused p) {
                LOG.warn("scheduled rotation of tenant {} paused at {}: {}", tenant, p.at(), p.why());
                count(tenant, "paused");
            } else {
                var refused = (RotationOutcome.Refused) ran.outcome();
                LOG.error("scheduled rotation of tenant {} refused at {}: {}", tenant, refused.at(), refused.why());
                count(tenant, "refused");
            }
        }
        return Optional.of(tick);
    }

    private Times times(String tenant) {
        return times.computeIfAbsent(tenant, t -> {
            var made = new Times(new AtomicReference<>(Instant.EPOCH), new AtomicReference<>(Instant.EPOCH));
            Gauge.builder(NEXT_DUE, made.nextDue(), n -> n.get().getEpochSecond()).tag("tenant", t)
                    .description("when the next scheduled rotation is due").register(meters);
            Gauge.builder(LAST_SUCCESS, made.lastSuccess(), n -> n.get().getEpochSecond()).tag("tenant", t)
                    .description("when this node last finished a rotation").register(meters);
            return made;
        });
    }

    private void tickAndPlanNext() {
        tick();
        planNext();
    }

    private void planNext() {
        var jitter = 1 + (ThreadLocalRandom.current().nextDouble() - 0.5) / 5; // ± a tenth
        if (!thread.isShutdown()) {
            thread.schedule(this::tickAndPlanNext, Math.max(1, (long) (period.toMillis() * jitter)), TimeUnit.MILLISECONDS);
        }
    }

    private void count(String tenant, String result) {
        Counter.builder(TICKS).tag("tenant", tag.apply(tenant)).tag("result", result).description("scheduled rotation ticks by result").register(meters).increment();
    }

    /** How often a node asks: a twentieth of {@code every}, at most a minute, at least a second. */
    public static Duration periodFor(Duration every) {
        var twentieth = every.dividedBy(20);
        return twentieth.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : twentieth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : twentieth;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
