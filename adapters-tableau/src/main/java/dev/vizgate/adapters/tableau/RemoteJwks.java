package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.policy.KeyStrength;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A platform's keys from its JWKS URL, fetched with the JDK HttpClient and parsed with jjwt, the way mature
 * verifiers do it (jose's {@code createRemoteJWKSet}, Nimbus's {@code RemoteJWKSet}):
 * <ul>
 *   <li>held keys are served at once; a refresh that falls due runs in the background, so a fetch never delays a
 *       verification that uses keys already held (only the very first, with nothing to serve, waits for it);</li>
 *   <li>a token naming an unknown {@code kid} causes one refetch, at most once per {@code unknownKidCooldown}, so a
 *       flood of made-up kids cannot hammer the issuer;</li>
 *   <li>a failed fetch is retried after a short backoff (doubling from {@code firstRetry} to {@code maxRetry}), not
 *       after the whole refresh interval, and the last good keys keep serving meanwhile;</li>
 *   <li>while fetching fails, {@link #unavailable()} says why, so a refusal can say so.</li>
 * </ul>
 * Only public keys with a kid and an algorithm Vizgate allows are kept.
 */
public final class RemoteJwks implements IssuerKeys {
    /**
     * How often, and how soon after a failure or an unknown kid, the JWKS is fetched; how long one fetch may take
     * ({@code timeout}); and how long one request waits for keys not held yet ({@code patience}). Patience is short and
     * independent of the timeout: a fetch that hangs goes on in the background while requests are answered "keys
     * unavailable, retry", so a slow or hostile issuer cannot hold the gateway's threads.
     */
    public record Timing(Duration refreshEvery, Duration unknownKidCooldown, Duration firstRetry, Duration maxRetry, Duration timeout,
                         Duration patience) {
        /** Requests that wait for one issuer's keys at once; more are answered at once, so one issuer cannot hold every thread. */
        public static final int MAX_WAITERS = 16;

        public Timing {
            for (var d : List.of(refreshEvery, unknownKidCooldown, firstRetry, maxRetry, timeout, patience)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("JWKS timings must be positive");
                }
            }
            if (firstRetry.compareTo(maxRetry) > 0) {
                throw new IllegalArgumentException("the first retry must not come after the longest one");
            }
        }

        public Timing(Duration refreshEvery, Duration unknownKidCooldown, Duration firstRetry, Duration maxRetry, Duration timeout) {
            this(refreshEvery, unknownKidCooldown, firstRetry, maxRetry, timeout, DEFAULT_PATIENCE.compareTo(timeout) < 0 ? DEFAULT_PATIENCE : timeout);
        }

        private static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(2);

        /**
         * jose's defaults: refresh every 10 min, an unknown kid refetches at most every 30 s; retries from 1 s to 30 s; a
         * fetch may take 5 s, a request waits 2 s.
         */
        public static Timing defaults() {
            return new Timing(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5));
        }
    }

    private record State(List<TrustedKey> keys, Instant nextFetch, int failures, Optional<String> problem) {
    }

    private final URI url;
    private final HttpClient http;
    private final Timing timing;
    private final Clock clock;
    /** Written only by the one fetch in flight, so no update is lost. */
    private volatile State state = new State(List.of(), Instant.MIN, 0, Optional.empty());
    private final AtomicReference<CompletableFuture<State>> inflight = new AtomicReference<>();
    /** When an unknown kid last caused a fetch; claimed by compare-and-set, so concurrent unknown kids cause one fetch. */
    private final AtomicReference<Instant> lastUnknownKidFetch = new AtomicReference<>(Instant.MIN);
    private final Semaphore waiters = new Semaphore(Timing.MAX_WAITERS);

    public RemoteJwks(URI url, HttpClient http, Timing timing, Clock clock) {
        this.url = Objects.requireNonNull(url, "url");
        this.http = Objects.requireNonNull(http, "http");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public RemoteJwks(URI url, HttpClient http, Duration refreshEvery, Duration timeout, Clock clock) {
        this(url, http, new Timing(refreshEvery, Timing.defaults().unknownKidCooldown(), Timing.defaults().firstRetry(),
                Timing.defaults().maxRetry(), timeout), clock);
    }

    @Override
    public List<TrustedKey> keys() {
        var s = state;
        if (!clock.instant().isBefore(s.nextFetch())) {
            var fetch = fetchOnce();
            if (s.keys().isEmpty()) {
                await(fetch); // nothing to serve: this caller waits, but only briefly (Timing.patience)
            }
        }
        return state.keys();
    }

    @Override
    public List<TrustedKey> keysAfterUnknownKid(String kid) {
        var now = clock.instant();
        var s = state;
        var last = lastUnknownKidFetch.get();
        if (now.isBefore(last.plus(timing.unknownKidCooldown())) || (s.failures() > 0 && now.isBefore(s.nextFetch()))
                || !lastUnknownKidFetch.compareAndSet(last, now)) {
            // Rate-limited, backing off after a failure, or another caller just claimed the fetch: a kid the issuer
            // really added is picked up at the next allowed fetch.
            return s.keys();
        }
        await(fetchOnce());
        return state.keys();
    }

    @Override
    public Optional<String> unavailable() {
        var s = state;
        return s.problem().isPresent() || !s.keys().isEmpty() ? s.problem() : stillFetching;
    }

    /** The fetch in flight, if any (tests wait on it). */
    Optional<CompletableFuture<State>> pending() {
        return Optional.ofNullable(inflight.get());
    }

    private CompletableFuture<State> fetchOnce() {
        while (true) {
            var running = inflight.get();
            if (running != null) {
                return running;
            }
            var started = new CompletableFuture<State>();
            if (inflight.compareAndSet(null, started)) {
                send().whenComplete((result, error) -> {
                    var next = settle(result == null ? new Fetched.Failed(error == null ? "the fetch failed" : Wire.words(error)) : result);
                    state = next;
                    stillFetching = Optional.empty();
                    inflight.set(null);
                    started.complete(next);
                });
                return started;
            }
        }
    }

    private sealed interface Fetched {
        record Keys(List<TrustedKey> keys) implements Fetched {
        }

        record Failed(String why) implements Fetched {
        }
    }

    private State settle(Fetched fetched) {
        var now = clock.instant();
        var s = state;
        if (fetched instanceof Fetched.Keys k) {
            return new State(k.keys(), now.plus(timing.refreshEvery()), 0, Optional.empty());
        }
        var failures = s.failures() + 1;
        var backoff = timing.firstRetry().multipliedBy(1L << Math.min(failures - 1, 20));
        if (backoff.compareTo(timing.maxRetry()) > 0) {
            backoff = timing.maxRetry();
        }
        var why = ((Fetched.Failed) fetched).why();
        return new State(s.keys(), now.plus(backoff), failures,
                Optional.of("the keys at " + url + " could not be fetched (" + why + "); retrying in " + backoff.toSeconds() + " s"));
    }

    /**
     * Waits for a fetch in flight, at most {@code patience}, and only if fewer than {@link Timing#MAX_WAITERS} requests
     * wait already; the fetch itself goes on either way. While it is unfinished the state says so, for the refusal.
     */
    private void await(CompletableFuture<State> fetch) {
        if (!waiters.tryAcquire()) {
            noteStillFetching();
            return;
        }
        try {
            fetch.get(timing.patience().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // The state says what happened; the caller reads it.
        } catch (TimeoutException e) {
            noteStillFetching();
        } finally {
            waiters.release();
        }
    }

    /** With no keys and no answer yet, says so (a verification then answers "keys unavailable, retry" instead of waiting). */
    private void noteStillFetching() {
        var s = state;
        if (s.keys().isEmpty() && s.problem().isEmpty() && inflight.get() != null) {
            stillFetching = Optional.of("the keys at " + url + " are being fetched and have not arrived yet");
        }
    }

    /** Set while the first fetch is outstanding and a request gave up waiting for it. */
    private volatile Optional<String> stillFetching = Optional.empty();

    private CompletableFuture<Fetched> send() {
        try {
            var request = Traced.request(url).timeout(timing.timeout()).header("Accept", "application/json").GET().build();
            return http.sendAsync(request, CappedBody.upTo(MAX_DOCUMENT))
                    .thenApply(this::parse)
                    .exceptionally(e -> new Fetched.Failed(Wire.words(e)));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Fetched.Failed(Wire.words(e)));
        }
    }

    private static final int MAX_DOCUMENT = 256 * 1024;

    private Fetched parse(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            return new Fetched.Failed("HTTP " + response.statusCode());
        }
        try {
            var set = Jwks.setParser().ignoreUnsupported(true).build().parse(CappedBody.text(response.body()));
            var out = new ArrayList<TrustedKey>();
            for (var jwk : set.getKeys()) {
                if (!(jwk instanceof PublicJwk<?> pub) || jwk.getId() == null) {
                    continue;
                }
                var alg = Optional.ofNullable(jwk.getAlgorithm()).flatMap(JwsAlgorithm::fromName)
                        .or(() -> Optional.of("EC".equals(pub.toKey().getAlgorithm()) ? JwsAlgorithm.ES256 : JwsAlgorithm.RS256))
                        .filter(a -> !a.isSymmetric() && a.acceptsKeyAlgorithm(pub.toKey().getAlgorithm()));
                // An EC key's curve, as the JWK names it, must be one the key-strength rule allows.
                var weakCurve = "EC".equals(pub.toKey().getAlgorithm())
                        && KeyStrength.curve(Optional.ofNullable(jwk.get("crv")).map(String::valueOf)).isPresent();
                if (alg.isPresent() && !weakCurve) {
                    try {
                        out.add(new TrustedKey(Optional.of(new KeyId(jwk.getId())), alg.get(), pub.toKey()));
                    } catch (IllegalArgumentException weak) {
                        // A key too weak to trust (KeyStrength: RSA under 2048 bits) is left out, not trusted.
                    }
                }
            }
            return new Fetched.Keys(List.copyOf(out));
        } catch (RuntimeException e) {
            var json = CappedBody.text(response.body()).stripLeading().startsWith("{");
            return new Fetched.Failed(json ? "not a JWKS document" : Wire.notJson(response, response.body()));
        }
    }
}
