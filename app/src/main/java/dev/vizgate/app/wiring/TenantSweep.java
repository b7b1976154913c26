package dev.vizgate.app.wiring;

import dev.vizgate.app.http.TenantTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks again at every built tenant every few seconds, on a thread of its own: a tenant removed from its catalogue is
 * closed and its change recorded even when no request asks for it again, and a changed one is rebuilt before its next
 * request has to wait for that. A request asks the catalogue itself only when the sweep has not confirmed its tenant
 * within {@link #REQUESTS_TRUST}.
 */
final class TenantSweep implements AutoCloseable {
    /** Within the 10 s a change has to count on every node, with the catalogue's own 1 s recheck before it. */
    static final Duration EVERY = Duration.ofSeconds(2);
    /**
     * How long a request uses a built tenant without asking the catalogue itself: longer than the sweep's period, so that
     * while the sweep runs no request waits on the catalogue (a cold lookup and a file's stat, a tenth of a token's cost
     * at 1,000 tenants), and within the 10 s should it stall.
     */
    static final Duration REQUESTS_TRUST = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(TenantSweep.class);

    private final ScheduledExecutorService thread;

    private TenantSweep(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    static TenantSweep start(TenantTokens tenants, Duration every) {
        var thread = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "vizgate-tenant-sweep");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                tenants.sweep();
            } catch (RuntimeException e) {
                LOG.warn("the tenant sweep failed; the next one tries again: {}", e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new TenantSweep(thread);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
