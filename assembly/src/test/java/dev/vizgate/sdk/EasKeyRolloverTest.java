package dev.vizgate.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * EAS key rollover with the clock run forward through a whole {@link Vizgate}: the new key is in the JWKS before it signs
 * anything, and the old key stays published until the last token it signed has expired; at every moment, every
 * token still alive verifies against the JWKS published then (checked with Nimbus, not our own verifier).
 */
class EasKeyRolloverTest {
    private static final Issuer GATEWAY = new Issuer("https://vizgate.example.com");
    private static final Subject ALICE = new Subject("alice@acme.com");
    private final MutableClock clock = new MutableClock();

    private static KeySpec key(KeyPair pair, String kid) {
        return new KeySpec(new KeyMaterial.InMemory(pair.getPrivate()), Optional.of(new KeyId(kid)), Optional.empty());
    }

    private static KeyPair freshRsa() throws Exception {
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private TableauSettings settings(Instant at) throws Exception {
        var eas = new ConnectedApp.Eas(GATEWAY, List.of(key(TestKeys.rsa(), "k-old"), key(freshRsa(), "k-new"))).withRolloverAt(at);
        return TableauSettings.of(URI.create("https://tableau.example.com"), new SiteContentUrl("acme"), eas);
    }

    private record Minted(String token, Instant expires) {
    }

    private static Set<String> kids(Vizgate vizgate) {
        return vizgate.jwks().orElseThrow().publish().get("keys").stream().map(k -> k.get("kid")).collect(Collectors.toSet());
    }

    private static boolean verifiesAgainstJwksNow(Vizgate vizgate, String token) throws Exception {
        var jwks = JWKSet.parse(new ObjectMapper().writeValueAsString(vizgate.jwks().orElseThrow().publish()));
        var jwt = SignedJWT.parse(token);
        var jwk = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        return jwk != null && jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), jwk.toRSAKey().toPublicKey()));
    }

    @Test
    void throughARollover_publishBeforeSigning_andRetireOnlyAfterTheLastOldTokenExpired() throws Exception {
        var at = clock.instant().plus(Duration.ofHours(1));
        var policy = TableauTokenPolicy.defaults();
        try (var vizgate = Vizgate.builder().clock(clock).tableau(settings(at)).build()) {
            var tokens = vizgate.tableauTokens().orElseThrow();
            var alive = new ArrayList<Minted>();
            // An hour before: the old key signs, the new one is already published.
            assertThat(kids(vizgate)).containsExactlyInAnyOrder("k-old", "k-new");
            var first = (TokenIssueOutcome.Issued) tokens.issue(TableauTokenRequest.forUser(ALICE));
            assertThat(first.keyId().value()).isEqualTo("k-old");
            // The last second of the old key: its token lives on past the switch.
            clock.advance(Duration.ofHours(1).minusSeconds(1));
            var last = (TokenIssueOutcome.Issued) tokens.issue(TableauTokenRequest.forUser(ALICE).withLifetime(policy.maxLifetime().minus(policy.skew())));
            assertThat(last.keyId().value()).isEqualTo("k-old");
            alive.add(new Minted(last.token().value(), last.expiresAt()));
            clock.advance(Duration.ofSeconds(1));
            var after = (TokenIssueOutcome.Issued) tokens.issue(TableauTokenRequest.forUser(ALICE));
            assertThat(after.keyId().value()).isEqualTo("k-new");
            alive.add(new Minted(after.token().value(), after.expiresAt()));
            // Walk the clock a minute at a time: every token not yet expired verifies against what is published then.
            while (clock.instant().isBefore(at.plus(Duration.ofMinutes(12)))) {
                for (var m : alive) {
                    if (clock.instant().isBefore(m.expires())) {
                        assertThat(verifiesAgainstJwksNow(vizgate, m.token())).as("a live token at " + clock.instant()).isTrue();
                    }
                }
                clock.advance(Duration.ofMinutes(1));
            }
            assertThat(kids(vizgate)).as("the old key retired once its last token expired").containsExactly("k-new");
            assertThat(verifiesAgainstJwksNow(vizgate, last.token().value())).isFalse();
        }
    }

    @Test
    void givenRolloverWithOneKey_settings_refuseIt() {
        assertThatThrownBy(() -> new ConnectedApp.Eas(GATEWAY, List.of(key(TestKeys.rsa(), "k-old"))).withRolloverAt(clock.instant()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly two keys");
    }
}
