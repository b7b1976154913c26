package dev.vizgate.app.http;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Each problem a client can meet has one home: a unique type, an error status, a title, and the same status in its body. */
class ProblemCatalogueTest {
    @Test
    void everyProblemType_hasAUniqueSlugAnErrorStatusAndATitle() {
        var slugs = new HashSet<String>();
        for (var kind : ProblemType.values()) {
            assertThat(slugs.add(kind.slug())).as(kind + " slug is unique").isTrue();
            assertThat(kind.slug()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(kind.status()).as(kind.name()).isBetween(400, 599);
            assertThat(kind.title()).isNotBlank();
            assertThat(kind.uri()).isEqualTo("urn:vizgate:problem:" + kind.slug());
        }
    }

    @Test
    void aProblemsBody_carriesItsKindsTypeStatusAndTitle_andRetryAfterOnlyWhenSet() {
        var p = Problem.of(ProblemType.SALESFORCE_UNAVAILABLE, "down").retryAfter(5);
        assertThat(p.body()).containsEntry("type", "urn:vizgate:problem:salesforce-unavailable").containsEntry("status", 503)
                .containsEntry("title", "Salesforce unavailable").containsEntry("retryAfter", 5L);
        assertThat(p.retryAfterSeconds()).contains(5L);
        assertThat(Problem.of(ProblemType.NOT_READY, "x").retryAfterSeconds()).isEmpty();
        assertThat(Arrays.stream(ProblemType.values()).filter(k -> k.status() == 500)).contains(ProblemType.INTERNAL_ERROR);
    }
}
