package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.testing.FakeJwkEncoder;
import dev.vizgate.domain.testing.FakeKeySource;
import dev.vizgate.domain.testing.TestKeys;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PublishJwksTest {
    @Test
    void givenPublishedKeys_publish_listsEachWithKidAlgAndUseSig() {
        var keys = new FakeKeySource().publishing(TestKeys.publishedRs256("rsa-1")).publishing(TestKeys.publishedEs256("ec-1"));
        var jwks = new PublishJwks(keys, new FakeJwkEncoder()).publish();
        assertThat(jwks.get("keys")).hasSize(2);
        assertThat(jwks.get("keys").get(0)).containsEntry("kid", "rsa-1").containsEntry("alg", "RS256").containsEntry("use", "sig");
        assertThat(jwks.get("keys").get(1)).containsEntry("kid", "ec-1").containsEntry("alg", "ES256");
    }

    @Test
    void givenRolloverWithANextKeyNotYetSigning_publish_listsBoth() {
        var keys = new FakeKeySource().with(TestKeys.rs256("current"))
                .publishing(TestKeys.publishedRs256("current")).publishing(TestKeys.publishedRs256("next"));
        assertThat(new PublishJwks(keys, new FakeJwkEncoder()).publish().get("keys")).extracting(m -> m.get("kid"))
                .containsExactly("current", "next");
    }

    @Test
    void givenEncoderThatLeaksAPrivateMember_publish_refuses() {
        var keys = new FakeKeySource().publishing(TestKeys.publishedRs256("rsa-1"));
        assertThatIllegalStateException().isThrownBy(() -> new PublishJwks(keys, new FakeJwkEncoder(true)).publish())
                .withMessageContaining("private members [d]");
    }

    @Test
    void givenDuplicateKid_publish_refuses() {
        var keys = new FakeKeySource().publishing(TestKeys.publishedRs256("same")).publishing(TestKeys.publishedEs256("same"));
        assertThatIllegalStateException().isThrownBy(() -> new PublishJwks(keys, new FakeJwkEncoder()).publish());
    }

    @Test
    void givenNoKeys_publish_isAnEmptySet() {
        assertThat(new PublishJwks(new FakeKeySource(), new FakeJwkEncoder()).publish()).isEqualTo(Map.of("keys", List.of()));
    }

    @Test
    void givenAnHttpsIssuer_discovery_namesItsJwksAndAlgorithms_withOrWithoutATrailingSlash() {
        var keys = new FakeKeySource().publishing(TestKeys.publishedRs256("rsa-1")).publishing(TestKeys.publishedEs256("ec-1"));
        var publish = new PublishJwks(keys, new FakeJwkEncoder());
        for (var issuer : new String[]{"https://vizgate.example.com", "https://vizgate.example.com/"}) {
            var doc = publish.discovery(new Issuer(issuer));
            assertThat(doc.get("issuer")).isEqualTo(issuer);
            assertThat(doc.get("jwks_uri")).isEqualTo("https://vizgate.example.com/.well-known/jwks.json");
            assertThat(doc.get("id_token_signing_alg_values_supported")).isEqualTo(List.of("ES256", "RS256"));
        }
    }

    @Test
    void givenANonHttpsIssuer_discovery_isRefused() {
        var publish = new PublishJwks(new FakeKeySource(), new FakeJwkEncoder());
        Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> publish.discovery(new Issuer("http://vizgate.example.com")));
    }
}
