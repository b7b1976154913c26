package dev.vizgate.app.wiring;

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
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code serve}'s own rotation schedule: one daemon thread asks {@link RotateOnSchedule} every {@code period}, moved by
 * up to a tenth either way so nodes do not ask in step. Each tick's result is counted and logged; the next due time and
 * the last success are gauges, so an alert can fire on a secret past its due date.
 */
public final class RotationSchedule implements AutoCloseable {
    /** Ticks by result: not-due, held-elsewhere, rotated, paused, refused, lease-unavailable, failed. */
    public static final String TICKS = "vizgate.rotation.ticks";
    /** When the next rotation is due, in epoch seconds. */
    public static final String NEXT_DUE = "vizgate.rotation.next.due";
    /** When this node last finished a rotation, in epoch seconds (0 before the first). */
    public static final String LAST_SUCCESS = "vizgate.rotation.last.success";

    private static final Logger LOG = LoggerFactory.getLogger(RotationSchedule.class);

    private final RotateOnSchedule rotation;
    private final MeterRegistry meters;
    private final Duration period;
    private final ScheduledExecutorService thread;
    private final AtomicReference<Instant> nextDue = new AtomicReference<>(Instant.EPOCH);
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>(Instant.EPOCH);
    private final Clock clock;

    private RotationSchedule(RotateOnSchedule rotation, MeterRegistry meters, Duration period, Clock clock) {
        this.rotation = rotation;
        this.meters = meters;
        this.period = period;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "vizgate-rotation-schedule");
            t.setDaemon(true);
            return t;
        });
        Gauge.builder(NEXT_DUE, nextDue, n -> n.get().getEpochSecond()).description("when the next scheduled rotation is due").register(meters);
        Gauge.builder(LAST_SUCCESS, lastSuccess, n -> n.get().getEpochSecond()).description("when this node last finished a rotation").register(meters);
    }

    /** Starts ticking now, then every {@code period} with jitter. */
    public static RotationSchedule start(RotateOnSchedule rotation, MeterRegistry meters, Duration period, Clock clock) {
        var schedule = new RotationSchedule(rotation, meters, period, clock);
        schedule.thread.execute(schedule::tickAndPlanNext);
        return schedule;
    }

    /** One tick, as the thread runs it; public for tests that drive the clock themselves. */
    public RotateOnSchedule.Tick tick() {
        RotateOnSchedule.Tick tick;
        try {
            tick = rotation.tick();
        } catch (RuntimeException e) {
            if (thread.isShutdown()) {
                // Stopped with the node: the journal and the lapsing lease let the next run finish it.
                LOG.info("scheduled rotation stopped with the node: {}", e.getMessage());
                return new RotateOnSchedule.Tick.LeaseUnavailable("stopped with the node");
            }
            LOG.warn("scheduled rotation failed: {}", e.getMessage());
            count("failed");
            return new RotateOnSchedule.Tick.LeaseUnavailable(String.valueOf(e.getMessage()));
        }
        if (tick instanceof RotateOnSchedule.Tick.NotDue n) {
            nextDue.set(n.due());
            count("not-due");
        } else if (tick instanceof RotateOnSchedule.Tick.HeldElsewhere) {
            count("held-elsewhere");
        } else if (tick instanceof RotateOnSchedule.Tick.LeaseUnavailable u) {
            LOG.warn("scheduled rotation could not ask for its lease ({}); the next tick tries again", u.why());
            count("lease-unavailable");
        } else {
            var ran = (RotateOnSchedule.Tick.Ran) tick;
            if (ran.outcome() instanceof RotationOutcome.Rotated r) {
                lastSuccess.set(clock.instant());
                LOG.info("scheduled rotation under lease fence {}: {} -> {}", ran.fence(), r.from(), r.to());
                count("rotated");
            } else if (ran.outcome() instanceof RotationOutcome.Paused p) {
                LOG.warn("scheduled rotation paused at {}: {}", p.at(), p.why());
                count("paused");
            } else {
                var refused = (RotationOutcome.Refused) ran.outcome();
                LOG.error("scheduled rotation refused at {}: {}", refused.at(), refused.why());
                count("refused");
            }
        }
        return tick;
    }

    private void tickAndPlanNext() {
        tick();
        var jitter = 1 + (ThreadLocalRandom.current().nextDouble() - 0.5) / 5; // ± a tenth
        if (!thread.isShutdown()) {
            thread.schedule(this::tickAndPlanNext, Math.max(1, (long) (period.toMillis() * jitter)), TimeUnit.MILLISECONDS);
        }
    }

    private void count(String result) {
        Counter.builder(TICKS).tag("result", result.toLowerCase(Locale.ROOT)).description("scheduled rotation ticks by result").register(meters).increment();
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
