package dev.vizgate.app.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JWT claim or header name is written once, in the domain's ClaimNames: production code reads, writes and reports a
 * claim only through its constant. Scanned in every product module's main sources (the stand-ins keep their own model
 * of the vendors on purpose, and the benchmarks are not the product): a claim name as the argument of a lookup or a
 * write, a finding's name, an element of a list or map of names, or a label naming a claim fails here, with its file and
 * line.
 */
class ClaimNamesHaveOneHomeTest {
    /** The claims and header parameters ClaimNames holds (client_id is left out: it is also OAuth 2.0's form parameter). */
    static final String CLAIM = "\"(iss|sub|aud|exp|nbf|iat|jti|scp|prn|kid|typ|alg|azp|email|email_verified)\"";
    static final Pattern USE = Pattern.compile("(\\.(string|instant|get|containsKey|has|add|put|remove)\\(" + CLAIM
            + "|\\b(pass|fail|tableauFail|violated)\\(" + CLAIM + "|new Finding\\(Status\\.\\w+, " + CLAIM
            + "|(List|Set|Map)\\.of\\(" + CLAIM + "|, " + CLAIM + ", |, " + CLAIM + "\\)|\\.key\\(" + CLAIM + ")");
    /** config is left out: its "kid" and "alg" are the YAML keys of a key mapping, the configuration's vocabulary. */
    static final List<String> MODULES = List.of("domain", "adapters-tableau", "adapters-salesforce", "adapters-keystore", "adapters-store",
            "adapters-secrets", "adapters-vault", "adapters-aws", "adapters-metrics", "sdk", "assembly", "app", "vizgate-spring-boot-autoconfigure");

    @Test
    void noProductionCode_writesAClaimNameOutsideClaimNames() throws IOException {
        var found = new ArrayList<String>();
        for (var line : MainSources.lines(MODULES)) {
            // Our own API's JSON answers have a "kid" member: a field of Vizgate's document, not a claim read or written.
            if (!line.file().endsWith("ClaimNames.java") && USE.matcher(line.text()).find() && !line.text().contains("body.put(")) {
                found.add(line.at() + ": " + line.text().strip());
            }
        }
        assertThat(found).as("claim names written outside ClaimNames").isEmpty();
    }

    @Test
    void theScan_findsTheFormsItLooksFor() {
        for (var line : List.of("claims.string(\"sub\")", "h.add(\"iss\", x)", "out.add(fail(\"exp\", \"…\"))", "List.of(\"exp\", \"nbf\")",
                "new Finding(Status.WARN, \"typ\", \"…\")", "Map.of(\"alg\", \"RS256\")", "Objects.requireNonNull(keyId, \"kid\");",
                "seal.key(\"jti\", x)")) {
            assertThat(USE.matcher(line).find()).as(line).isTrue();
        }
        assertThat(USE.matcher("claims.string(ClaimNames.SUBJECT)").find()).isFalse();
    }
}
