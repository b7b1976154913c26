package dev.vizgate.assembly;

import dev.vizgate.adapters.tableau.DiscoveredJwks;
import dev.vizgate.adapters.tableau.IssuerKeys;
import dev.vizgate.adapters.tableau.JjwtTokenVerifier;
import dev.vizgate.adapters.tableau.JsonTokenDecoder;
import dev.vizgate.adapters.tableau.RemoteJwks;
import dev.vizgate.adapters.tableau.TrustedKey;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.policy.ReplayPolicy;
import dev.vizgate.domain.port.ReplayLedger;
import dev.vizgate.domain.port.TokenVerifier;
import dev.vizgate.domain.usecase.AcceptPlatformAssertion;
import dev.vizgate.domain.usecase.TrustedPlatform;
import dev.vizgate.sdk.PlatformAssertionSettings;
import dev.vizgate.sdk.PlatformKeys;
import dev.vizgate.sdk.Setting;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;

/** Platform-assertion checks from {@link PlatformAssertionSettings}: the verifier over each platform's keys, and replay. */
final class PlatformParts {
    private static final Duration JWKS_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private PlatformParts() {
    }

    static AcceptPlatformAssertion of(PlatformAssertionSettings settings, Optional<TokenVerifier> swapped, ReplayLedger ledger, Clock clock) {
        var policy = new ReplayPolicy(ReplayPolicy.DEFAULT_MAX_TOKEN_AGE, settings.leeway());
        var issuers = new HashMap<Issuer, TrustedPlatform>();
        var keysByIssuer = new HashMap<String, IssuerKeys>();
        for (int i = 0; i < settings.platforms().size(); i++) {
            var p = settings.platforms().get(i);
            issuers.put(p.issuer(), p.platform());
            if (swapped.isEmpty()) {
                keysByIssuer.put(p.issuer().value(), keys(Setting.at(SettingId.PLATFORM_KEY, i), p.issuer(), p.keys(), clock));
            }
        }
        var verifier = swapped.orElseGet(() -> new JjwtTokenVerifier(keysByIssuer, JsonTokenDecoder.DEFAULT_MAX_LENGTH, clock, policy.skew()));
        return new AcceptPlatformAssertion(verifier, policy, ledger, issuers, clock);
    }

    /**
     * The client for an identity provider's metadata, keys and token exchange. Its work runs on its selector thread and
     * the caller's (a direct executor), as the Salesforce and Vault clients' does: with the JDK's default pool every
     * exchange's answer went selector → pool thread → caller, a thread woken per token (five exchanges started three
     * pool threads). Nothing that runs on the selector here waits: the metadata and key fetches go on by
     * {@code sendAsync} and parse what arrived.
     */
    static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(JWKS_CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).executor(Runnable::run).build();
    }

    private static IssuerKeys keys(Setting setting, Issuer issuer, PlatformKeys keys, Clock clock) {
        if (keys instanceof PlatformKeys.Jwks j) {
            return new RemoteJwks(j.url(), http(), RemoteJwks.Timing.defaults(), clock);
        }
        if (keys instanceof PlatformKeys.Discovered) {
            return new DiscoveredJwks(issuer, http(), RemoteJwks.Timing.defaults(), clock);
        }
        var trusted = new ArrayList<TrustedKey>();
        var fixed = ((PlatformKeys.Fixed) keys).keys();
        for (int i = 0; i < fixed.size(); i++) {
            trusted.add(KeyLoader.trusted(fixed.size() == 1 ? setting : setting.then(i), fixed.get(i)));
        }
        return IssuerKeys.fixed(trusted);
    }
}
