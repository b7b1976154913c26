package dev.vizgate.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A clone taken anywhere has no ../shared: the README and docs/ carry everything they point to. */
class ReadmeStandsAloneTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern LINK = Pattern.compile("\\]\\(([^)#]+)(#[^)]*)?\\)");

    static List<Path> documents() throws Exception {
        var docs = new ArrayList<Path>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.walk(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        return docs;
    }

    @Test
    void readmeAndDocs_pointNowhereOutsideTheRepository() throws Exception {
        for (var doc : documents()) {
            assertThat(Files.readString(doc)).as(doc.toString()).doesNotContain("../shared", "shared/DESIGN", "shared/reference");
        }
    }

    @Test
    void everyRelativeLink_namesAFileInTheRepository() throws Exception {
        for (var doc : documents()) {
            var m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                var target = m.group(1);
                if (!target.contains("://")) {
                    assertThat(doc.getParent().resolve(target)).as(doc + " links " + target).exists();
                }
            }
        }
    }

    @Test
    void theConfigurationReference_coversEveryCallerKey() throws Exception {
        var reference = Files.readString(ROOT.resolve("docs/configuration.md"));
        assertThat(reference).contains("allowed-scopes", "allowed-attributes", "claims.scopes", "claims.attributes", "assertion-leeway",
                "identity-providers", "claims.username", "token-exchange.client-id", "rollover-at", "tableau.admin.personal-access-token",
                "jwks-url", "caller-may-not-choose", "caller-not-allowed", "ambiguous-credentials");
    }
}
