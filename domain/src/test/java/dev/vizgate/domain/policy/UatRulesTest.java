package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.VerifiedClaims;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unified access token's rules (tableau.md §8), each broken alone: a blank value is as missing as an absent one, the
 * tenant must be the expected one when it is known, and exp must lie ahead and within the maximum (exactly the
 * maximum is allowed).
 */
class UatRulesTest {
    static final long NOW = MutableClock.START.getEpochSecond();
    static final UatRules.Expectation ANY = new UatRules.Expectation(Optional.empty(), "email", Duration.ofMinutes(10));

    static VerifiedClaims header(Consumer<Map<String, Object>> change) {
        var h = new HashMap<String, Object>(Map.of("alg", "RS256", "kid", "uat-1"));
        change.accept(h);
        return new VerifiedClaims(h);
    }

    static VerifiedClaims payload(Consumer<Map<String, Object>> change) {
        var p = new HashMap<String, Object>(Map.of("iss", "https://vizgate.example.com", "https://tableau.com/tenantId", "tenant-1",
                "email", "alice@example.com", "jti", "j-1", "iat", NOW, "exp", NOW + 300, "scp", List.of("tableau:views:embed")));
        change.accept(p);
        return new VerifiedClaims(p);
    }

    static List<String> broken(VerifiedClaims header, VerifiedClaims payload, UatRules.Expectation expected) {
        return UatRules.check(header, payload, expected, MutableClock.START).stream().filter(c -> c.violation().isPresent())
                .map(EasRules.Check::claim).toList();
    }

    @Test
    void aWellFormedUat_breaksNoRule_andSubOrAudAreNotedAsUnread() {
        assertThat(broken(header(h -> { }), payload(p -> { }), ANY)).isEmpty();
        var checks = UatRules.check(header(h -> { }), payload(p -> p.put("sub", "alice")), ANY, MutableClock.START);
        assertThat(checks).filteredOn(c -> c.claim().equals("email")).singleElement().satisfies(c -> assertThat(c.seen()).contains("sub and aud are not read"));
        assertThat(UatRules.check(header(h -> { }), payload(p -> { }), ANY, MutableClock.START))
                .filteredOn(c -> c.claim().equals("email")).singleElement().satisfies(c -> assertThat(c.seen()).doesNotContain("not read"));
    }

    @Test
    void blankValues_areAsMissingAsAbsentOnes() {
        assertThat(broken(header(h -> h.put("kid", " ")), payload(p -> { }), ANY)).containsExactly("kid");
        assertThat(broken(header(h -> { }), payload(p -> p.put("iss", " ")), ANY)).containsExactly("iss");
        assertThat(broken(header(h -> { }), payload(p -> p.remove("iss")), ANY)).containsExactly("iss");
        assertThat(broken(header(h -> { }), payload(p -> p.put("https://tableau.com/tenantId", "")), ANY)).containsExactly("https://tableau.com/tenantId");
        assertThat(broken(header(h -> { }), payload(p -> p.put("email", "  ")), ANY)).containsExactly("email");
        assertThat(broken(header(h -> { }), payload(p -> p.remove("jti")), ANY)).containsExactly("jti");
    }

    @Test
    void anExpectedTenant_mustBeTheTokens() {
        var acme = new UatRules.Expectation(Optional.of("tenant-1"), "email", Duration.ofMinutes(10));
        var globex = new UatRules.Expectation(Optional.of("tenant-2"), "email", Duration.ofMinutes(10));
        assertThat(broken(header(h -> { }), payload(p -> { }), acme)).isEmpty();
        assertThat(UatRules.check(header(h -> { }), payload(p -> { }), globex, MutableClock.START)).filteredOn(c -> c.violation().isPresent())
                .singleElement().satisfies(c -> assertThat(c.seen()).contains("not the tenant").contains("tenant-2"));
    }

    @Test
    void exp_mustLieAhead_andWithinTheMaximum_whichItselfIsAllowed() {
        assertThat(broken(header(h -> { }), payload(p -> p.put("exp", NOW + 600)), ANY)).isEmpty();
        assertThat(broken(header(h -> { }), payload(p -> p.put("exp", NOW + 601)), ANY)).containsExactly("exp");
        assertThat(broken(header(h -> { }), payload(p -> p.put("exp", NOW)), ANY)).containsExactly("exp");
        assertThat(broken(header(h -> { }), payload(p -> p.remove("exp")), ANY)).containsExactly("exp");
        assertThat(broken(header(h -> { }), payload(p -> p.put("scp", List.of("views:embed"))), ANY)).containsExactly("scp");
    }
}
