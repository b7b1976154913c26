package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A platform's keys from its JWKS URL, fetched with the JDK HttpClient and parsed with jjwt. Fetched again after
 * {@code refreshEvery}; when a fetch fails the last good keys stay in use, so a brief outage of the platform's
 * JWKS does not stop its users. Only public keys with a kid and an algorithm Vizgate allows are kept.
 */
public final class RemoteJwks implements Supplier<List<TrustedKey>> {
    private final URI url;
    private final HttpClient http;
    private final Duration refreshEvery;
    private final Duration timeout;
    private final Clock clock;
    private volatile List<TrustedKey> keys = List.of();
    private volatile Instant fetchedAt = Instant.MIN;

    public RemoteJwks(URI url, HttpClient http, Duration refreshEvery, Duration timeout, Clock clock) {
        this.url = url;
        this.http = http;
        this.refreshEvery = refreshEvery;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public List<TrustedKey> get() {
        var now = clock.instant();
        if (fetchedAt.plus(refreshEvery).isBefore(now)) {
            synchronized (this) {
                if (fetchedAt.plus(refreshEvery).isBefore(now)) {
                    fetch().ifPresent(k -> keys = k);
                    fetchedAt = now;
                }
            }
        }
        return keys;
    }

    private Optional<List<TrustedKey>> fetch() {
        try {
            var response = http.send(HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200 || response.body().length() > 256 * 1024) {
                return Optional.empty();
            }
            var set = Jwks.setParser().ignoreUnsupported(true).build().parse(response.body());
            var out = new ArrayList<TrustedKey>();
            for (var jwk : set.getKeys()) {
                if (!(jwk instanceof PublicJwk<?> pub) || jwk.getId() == null) {
                    continue;
                }
                var alg = Optional.ofNullable(jwk.getAlgorithm()).flatMap(JwsAlgorithm::fromName)
                        .or(() -> Optional.of("EC".equals(pub.toKey().getAlgorithm()) ? JwsAlgorithm.ES256 : JwsAlgorithm.RS256))
                        .filter(a -> !a.isSymmetric() && a.acceptsKeyAlgorithm(pub.toKey().getAlgorithm()));
                alg.ifPresent(a -> out.add(new TrustedKey(Optional.of(new KeyId(jwk.getId())), a, pub.toKey())));
            }
            return Optional.of(List.copyOf(out));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
