package dev.vizgate.config;

import dev.vizgate.sdk.SecretRefresh;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** secret-refresh: a value out of range is refused at its own key (every, jitter), with a fix for that key. */
class SecretRefreshKeysTest {
    @Test
    void givenEveryUnderASecond_theRefusalIsAtEvery() {
        assertThatThrownBy(() -> SecretStoresMapping.refresh(new VizgateConfig.SecretRefresh("500ms", null)))
                .isInstanceOfSatisfying(ConfigError.class, e -> {
                    assertThat(e.path()).isEqualTo("secret-refresh.every");
                    assertThat(e.fix()).contains("1s or more");
                });
    }

    @Test
    void givenJitterAboveAHalf_theRefusalIsAtJitter() {
        assertThatThrownBy(() -> SecretStoresMapping.refresh(new VizgateConfig.SecretRefresh("30s", 0.9)))
                .isInstanceOfSatisfying(ConfigError.class, e -> {
                    assertThat(e.path()).isEqualTo("secret-refresh.jitter");
                    assertThat(e.fix()).contains("between 0 and 0.5");
                });
    }

    @Test
    void givenBothInRange_theyAreTaken_andWithoutTheSectionTheDefaultsApply() {
        var refresh = SecretStoresMapping.refresh(new VizgateConfig.SecretRefresh("30s", 0.2));
        assertThat(refresh.every()).isEqualTo(Duration.ofSeconds(30));
        assertThat(refresh.jitter()).isEqualTo(0.2);
        assertThat(SecretStoresMapping.refresh(null)).isEqualTo(SecretRefresh.defaults());
    }
}
