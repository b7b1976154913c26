package dev.vizgate.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** server.cors: each origin is checked and kept exactly as a browser sends it in Origin; a wildcard is refused. */
class CorsSettingsTest {
    static VizgateConfig withCors(List<String> origins, String maxAge) {
        return new VizgateConfig(new VizgateConfig.Server(null, null, null, null, null, null, null, null, null,
                new VizgateConfig.Cors(origins, maxAge)), null, null, null, null, null, null);
    }

    @Test
    void withoutACorsSection_noOriginIsAllowed() {
        var none = CorsSettings.from(new VizgateConfig(null, null, null, null, null, null, null));
        assertThat(none.allowedOrigins()).isEmpty();
        assertThat(none.allows("https://portal.example.com")).isFalse();
        assertThat(none.maxAge()).isEqualTo(Duration.ofMinutes(10));
    }

    @ParameterizedTest
    @CsvSource({
            "https://portal.example.com, https://portal.example.com",
            "HTTPS://Portal.Example.COM, https://portal.example.com",
            "https://portal.example.com:443, https://portal.example.com",
            "https://portal.example.com:8443, https://portal.example.com:8443",
            "http://127.0.0.1:3000, http://127.0.0.1:3000",
            "http://localhost:80, http://localhost"})
    void anOrigin_isKeptAsABrowserWritesIt(String configured, String sent) {
        var cors = CorsSettings.from(withCors(List.of(configured), "90s"));
        assertThat(cors.allowedOrigins()).containsExactly(sent);
        assertThat(cors.allows(sent)).isTrue();
        assertThat(cors.maxAge()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void givenAWildcard_theConfigIsRefusedAtTheOriginsKey() {
        assertThatThrownBy(() -> CorsSettings.from(withCors(List.of("https://portal.example.com", "*"), null)))
                .isInstanceOfSatisfying(ConfigError.class, e -> {
                    assertThat(e.path()).isEqualTo("server.cors.allowed-origins[1]");
                    assertThat(e.twoLines()).contains("wildcard").contains("list each origin");
                });
        assertThatThrownBy(() -> CorsSettings.from(withCors(List.of("https://*.example.com"), null))).hasMessageContaining("wildcard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://portal.example.com/", "https://portal.example.com/app", "portal.example.com", "ftp://portal.example.com",
            "https://user@portal.example.com", "https://portal.example.com?x=1", " "})
    void givenSomethingThatIsNotAnOrigin_theConfigIsRefusedSayingWhatAnOriginIs(String text) {
        assertThatThrownBy(() -> CorsSettings.from(withCors(List.of(text), null)))
                .isInstanceOfSatisfying(ConfigError.class, e -> {
                    assertThat(e.path()).isEqualTo("server.cors.allowed-origins[0]");
                    assertThat(e.fix()).contains("e.g. https://portal.example.com");
                });
    }

    @Test
    void givenPlainHttpOffLoopback_theConfigIsRefused() {
        assertThatThrownBy(() -> CorsSettings.from(withCors(List.of("http://portal.example.com"), null)))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.twoLines()).contains("plain http").contains("use the https origin"));
    }

    @Test
    void givenAMaxAgeBeyondTwoHoursOrNotADuration_theConfigIsRefusedAtMaxAge() {
        assertThatThrownBy(() -> CorsSettings.from(withCors(List.of("https://portal.example.com"), "3h")))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("server.cors.max-age"));
        assertThatThrownBy(() -> CorsSettings.from(withCors(List.of("https://portal.example.com"), "soon")))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("server.cors.max-age"));
    }
}
