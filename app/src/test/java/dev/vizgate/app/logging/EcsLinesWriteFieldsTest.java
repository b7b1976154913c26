package dev.vizgate.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON line of an event: Elastic's ECS fields, the MDC's trace, and the event's key-value pairs as fields of their
 * own, numbers as numbers and text escaped, so a value can never break out of its field.
 */
class EcsLinesWriteFieldsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenKeyValuePairsAndATraceInTheMdc_theLine_holdsEachAsAField() throws Exception {
        var context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        var encoder = new EcsLines();
        encoder.setContext(context);
        encoder.start();
        var event = new LoggingEvent(EcsLinesWriteFieldsTest.class.getName(), context.getLogger("vizgate.access"), Level.INFO,
                "POST {} -> {}", null, new Object[] {"/v1/tableau/token", 200});
        event.setMDCPropertyMap(Map.of("trace.id", "4bf92f3577b34da6a3ce929d0e0e4736"));
        event.setKeyValuePairs(List.of(new KeyValuePair("http.response.status_code", 200), new KeyValuePair("event.duration", 1_250_000L),
                new KeyValuePair("vizgate.caller", "portal \"backend\"\n,\"injected\":1"), new KeyValuePair("skipped", null)));
        var line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n").doesNotContain(",}");
        var json = JSON.readTree(line);
        assertThat(json.get("message").asText()).isEqualTo("POST /v1/tableau/token -> 200");
        assertThat(json.get("log.level").asText()).isEqualTo("INFO");
        assertThat(json.get("service.name").asText()).isEqualTo("vizgate");
        assertThat(json.get("trace.id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json.get("http.response.status_code").isInt()).isTrue();
        assertThat(json.get("event.duration").asLong()).isEqualTo(1_250_000L);
        assertThat(json.get("vizgate.caller").asText()).isEqualTo("portal \"backend\"\n,\"injected\":1");
        assertThat(json.has("injected")).isFalse();
        assertThat(json.has("skipped")).isFalse();
    }

    @Test
    void givenLogbacksOwnConfiguration_theWritersToSwitch_includeTheAccessLogsBehindItsQueue() {
        var context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        var writers = LogLines.writers(context);
        assertThat(writers).extracting(w -> w.getName()).contains("STDERR", "ACCESS");
    }
}
