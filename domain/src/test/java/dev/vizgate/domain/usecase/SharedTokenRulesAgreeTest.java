package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.testing.FakeTokenDecoder;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules a Tableau token and an EAS token share (iss present and agreeing, sub, jti, exp present and not past) are
 * written once (TableauRules): the inspector's Tableau findings and the EAS rulebook's findings on the same token break
 * each with the same words and the same Tableau code, or the same absence of one where Tableau's table gives none.
 */
class SharedTokenRulesAgreeTest {
    static final MutableClock CLOCK = new MutableClock();

    static Map<String, Object> claims() {
        var now = CLOCK.instant().getEpochSecond();
        var c = new HashMap<String, Object>();
        c.put("iss", "https://sso.example.com");
        c.put("sub", "alice@example.com");
        c.put("aud", "tableau");
        c.put("iat", now);
        c.put("exp", now + 300);
        c.put("jti", "j-1");
        c.put("scp", List.of("tableau:views:embed"));
        return c;
    }

    static Stream<Arguments> brokenRules() {
        Consumer<Map<String, Object>> noIss = c -> c.remove("iss");
        Consumer<Map<String, Object>> otherIss = c -> c.put("iss", "https://other.example.com");
        Consumer<Map<String, Object>> noSub = c -> c.remove("sub");
        Consumer<Map<String, Object>> noJti = c -> c.remove("jti");
        Consumer<Map<String, Object>> noExp = c -> c.remove("exp");
        Consumer<Map<String, Object>> expired = c -> {
            c.put("iat", CLOCK.instant().getEpochSecond() - 600);
            c.put("exp", CLOCK.instant().getEpochSecond() - 60);
        };
        return Stream.of(
                Arguments.of("iss", noIss, false, "iss is missing from both the header and the payload", Optional.empty()),
                Arguments.of("iss", otherIss, true, "the header's iss and the payload's iss differ", Optional.empty()),
                Arguments.of("sub", noSub, false, "sub (the Tableau username) is missing", Optional.of(TableauErrorCode.JWT_PARSE_ERROR)),
                Arguments.of("jti", noJti, false, "jti is missing; Tableau wants a unique id per token", Optional.empty()),
                Arguments.of("exp", noExp, false, "exp is missing or not a NumericDate", Optional.empty()),
                Arguments.of("exp", expired, false, "the token expired at ", Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("brokenRules")
    void aSharedRule_isBrokenInTheSameWords_withTheSameCode_byTheInspectorAndTheEasRulebook(String claim, Consumer<Map<String, Object>> breakIt,
            boolean issInHeader, String words, Optional<TableauErrorCode> code) {
        var decoder = new FakeTokenDecoder();
        var payload = claims();
        breakIt.accept(payload);
        var header = new HashMap<String, Object>(Map.of("alg", "RS256", "kid", "k-1", "typ", "JWT"));
        if (issInHeader) {
            header.put("iss", "https://sso.example.com");
        }
        var token = decoder.token(header, payload);
        var inspector = new InspectToken(decoder, Duration.ofMinutes(10), CLOCK);
        var tableau = inspector.inspect(token, InspectToken.Target.TABLEAU).failures().stream().filter(f -> f.rule().equals(claim)).toList();
        var eas = inspector.inspect(token, InspectToken.Target.TABLEAU_EAS).failures().stream().filter(f -> f.rule().equals(claim)).toList();
        assertThat(tableau).as("the Tableau inspector on " + claim).hasSize(1);
        assertThat(eas).as("the EAS rulebook on " + claim).hasSize(1);
        assertThat(tableau.get(0).message()).startsWith(words).isEqualTo(eas.get(0).message());
        assertThat(tableau.get(0).tableauCode()).isEqualTo(code).isEqualTo(eas.get(0).tableauCode());
    }
}
