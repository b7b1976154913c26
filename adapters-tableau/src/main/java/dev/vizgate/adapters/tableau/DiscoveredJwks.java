package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.Issuer;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An issuer's keys found through its metadata ({@link IssuerMetadata}) and then kept fresh by {@link RemoteJwks} with
 * its refetch rules. Discovery runs at first use, not at start-up, so an IdP that is down when the gateway starts
 * costs a 503 and a retry, never a failed start.
 * <p>
 * No lock is held across I/O: one discovery at a time runs as a future that every request shares (single-flight, as
 * {@link RemoteJwks} fetches), a request waits for it at most {@code Timing.patience} (and only {@link
 * RemoteJwks.Timing#MAX_WAITERS} at once), and a failed discovery is retried {@code Timing.firstRetry} after it
 * <em>ended</em>. So an issuer whose metadata host accepts and never answers costs each forged token a short wait, and
 * no other caller anything.
 */
public final class DiscoveredJwks implements IssuerKeys {
    private final Issuer issuer;
    private final IssuerMetadata metadata;
    private final HttpClient http;
    private final RemoteJwks.Timing timing;
    private final Clock clock;
    private volatile RemoteJwks jwks;
    private volatile Instant retryAt = Instant.MIN;
    private volatile Optional<String> problem = Optional.empty();
    private final AtomicReference<CompletableFuture<RemoteJwks>> discovering = new AtomicReference<>();
    private final Semaphore waiters = new Semaphore(RemoteJwks.Timing.MAX_WAITERS);

    public DiscoveredJwks(Issuer issuer, HttpClient http, RemoteJwks.Timing timing, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.http = Objects.requireNonNull(http, "http");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metadata = new IssuerMetadata(http, timing.timeout());
    }

    @Override
    public List<TrustedKey> keys() {
        return resolved().map(RemoteJwks::keys).orElse(List.of());
    }

    @Override
    public List<TrustedKey> keysAfterUnknownKid(String kid) {
        return resolved().map(j -> j.keysAfterUnknownKid(kid)).orElse(List.of());
    }

    @Override
    public Optional<String> unavailable() {
        var j = jwks;
        return j == null ? problem : j.unavailable();
    }

    /** The discovery in flight, if any (tests wait on it). */
    Optional<CompletableFuture<RemoteJwks>> pending() {
        return Optional.ofNullable(discovering.get());
    }

    /** Lock-free: discovered keys at once; else the shared discovery, waited for briefly. */
    private Optional<RemoteJwks> resolved() {
        var found = jwks;
        if (found != null) {
            return Optional.of(found);
        }
        var running = discovery();
        if (running.isEmpty()) {
            return Optional.empty(); // backing off after a failure: the problem says why
        }
        if (!waiters.tryAcquire()) {
            stillDiscovering();
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(running.get().get(timing.patience().toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (TimeoutException e) {
            stillDiscovering();
            return Optional.empty();
        } finally {
            waiters.release();
        }
    }

    private void stillDiscovering() {
        if (jwks == null && discovering.get() != null) {
            problem = Optional.of("the metadata of issuer " + issuer + " is being fetched and has not arrived yet");
        }
    }

    /** The discovery in flight, or a new one; empty while backing off after a failed one. */
    private Optional<CompletableFuture<RemoteJwks>> discovery() {
        while (true) {
            var running = discovering.get();
            if (running != null) {
                return Optional.of(running);
            }
            if (jwks != null) {
                return Optional.of(CompletableFuture.completedFuture(jwks));
            }
            if (clock.instant().isBefore(retryAt)) {
                return Optional.empty();
            }
            var started = new CompletableFuture<RemoteJwks>();
            if (discovering.compareAndSet(null, started)) {
                metadata.discoverAsync(issuer).whenComplete((doc, failure) -> {
                    if (doc != null) {
                        var found = new RemoteJwks(doc.jwksUri(), http, timing, clock);
                        jwks = found;
                        problem = Optional.empty();
                        discovering.set(null);
                        started.complete(found);
                        return;
                    }
                    // The back-off runs from the end of the attempt, so a slow failure still leaves a pause before the next.
                    retryAt = clock.instant().plus(timing.firstRetry());
                    var cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    problem = Optional.of(cause instanceof IssuerMetadata.Unavailable ? cause.getMessage()
                            : "no metadata for issuer " + issuer + ": " + Wire.words(cause));
                    discovering.set(null);
                    started.complete(null);
                });
                return Optional.of(started);
            }
        }
    }
}
