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
 * request has to wait for that. Requests still check their tenant as they come; this only makes the quiet ones count.
 */
final class TenantSweep implements AutoCloseable {
    /** Within the 10 s a change has to count on every node, with the catalogue's own 1 s recheck before it. */
    static final Duration EVERY = Duration.ofSeconds(2);
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
