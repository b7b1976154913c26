package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.SecretId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** tableau.md §1 Secrets: at most two per Connected App, rotation by switching the active id. */
class SecretRotationTest {
    private static final SecretId OLD = new SecretId("secret-old");
    private static final SecretId NEW = new SecretId("secret-new");

    @Test
    void givenThreeSecrets_construction_isRefusedAsTableauError128() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SecretRotation(List.of(OLD, NEW, new SecretId("third")), OLD))
                .withMessageContaining("at most 2").withMessageContaining("128");
    }

    @Test
    void givenTwoSecrets_active_isTheOneThatSigns() {
        var rotation = new SecretRotation(List.of(OLD, NEW), OLD);
        assertThat(rotation.active()).isEqualTo(OLD);
        assertThat(rotation.standby()).contains(NEW);
    }

    @Test
    void givenActiveNotAmongSecrets_construction_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretRotation(List.of(OLD), NEW))
                .withMessageContaining("not among");
    }

    @Test
    void givenRotation_activate_switchesTheSigningSecret() {
        var rotated = new SecretRotation(List.of(OLD, NEW), OLD).activate(NEW);
        assertThat(rotated.active()).isEqualTo(NEW);
        assertThat(rotated.standby()).contains(OLD);
    }

    @Test
    void givenDuplicateIds_construction_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretRotation(List.of(OLD, OLD), OLD));
    }

    @Test
    void givenNoSecrets_construction_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretRotation(List.of(), OLD));
    }
}
