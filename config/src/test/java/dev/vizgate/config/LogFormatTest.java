package dev.vizgate.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code logging.format}: text unless it says json; anything else is refused at its key. */
class LogFormatTest {
    static VizgateConfig with(String format) {
        return new VizgateConfig(null, null, null, null, null, null, null, null, null, new VizgateConfig.Logging(format), null);
    }

    @Test
    void givenNoLoggingSection_orNoFormat_linesAreText() {
        assertThat(LogFormat.of(new VizgateConfig(null, null, null, null, null, null, null))).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.of(with(null))).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void givenJsonOrText_inAnyCase_theFormatIsThat() {
        assertThat(LogFormat.of(with("json"))).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.of(with(" JSON "))).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.of(with("text"))).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void givenAnotherFormat_itIsRefusedAtItsKey() {
        assertThatThrownBy(() -> LogFormat.of(with("logfmt"))).isInstanceOfSatisfying(ConfigError.class, e -> {
            assertThat(e.path()).isEqualTo("logging.format");
            assertThat(e.getMessage()).contains("'logfmt' is not a log format");
        });
    }
}
