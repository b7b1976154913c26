package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.Issuer;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An issuer's keys found through its metadata ({@link IssuerMetadata}) and then kept fresh by {@link RemoteJwks} with
 * its refetch rules. Discovery runs at first use, not at start-up, so an IdP that is down when the gateway starts
 * costs a 503 and a retry, never a failed start; a failed discovery is retried after {@code Timing.firstRetry}.
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

    /** Lock-free once discovered (every verification asks); only discovery itself is serialised. */
    private Optional<RemoteJwks> resolved() {
        var found = jwks;
        return found != null ? Optional.of(found) : discover();
    }

    private synchronized Optional<RemoteJwks> discover() {
        if (jwks != null) {
            return Optional.of(jwks);
        }
        var now = clock.instant();
        if (now.isBefore(retryAt)) {
            return Optional.empty();
        }
        try {
            var doc = metadata.discover(issuer);
            jwks = new RemoteJwks(doc.jwksUri(), http, timing, clock);
            problem = Optional.empty();
            return Optional.of(jwks);
        } catch (IssuerMetadata.Unavailable e) {
            retryAt = now.plus(timing.firstRetry().isZero() ? Duration.ofSeconds(1) : timing.firstRetry());
            problem = Optional.of(e.getMessage());
            return Optional.empty();
        }
    }
}
