package dev.vizgate.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The benchmark only times what verifies: run each variant once, in every CI, and check it. */
class VariantsVerifyTest {
    @Test
    void everyHs256Variant_makesACompleteTokenThatVerifies() {
        assertThatCode(() -> Verify.hs256(new Hs256Variants())).doesNotThrowAnyException();
    }

    @Test
    void everyAsymmetricVariant_verifies() throws Exception {
        var b = new MintingBenchmark();
        b.setUp();
        assertThat(b.rs256SignatureOnly()).hasSize(256);
        assertThat(b.es256SignatureOnly()).hasSize(64);
    }

    @Test
    void twoTokens_neverShareAJti() {
        var hs = new Hs256Variants();
        assertThat(hs.handPath()).isNotEqualTo(hs.handPath());
        assertThat(hs.vizgateIssue()).isNotEqualTo(hs.vizgateIssue());
    }
}
