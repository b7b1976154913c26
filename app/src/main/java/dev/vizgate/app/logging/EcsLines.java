package dev.vizgate.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import co.elastic.logging.JsonUtils;
import co.elastic.logging.logback.EcsEncoder;

/**
 * Elastic's ECS encoder, with the line's SLF4J key-value pairs as fields of their own: the access log names its method,
 * route, status, duration, caller, tenant and trace that way ({@code http.response.status_code}, {@code trace.id}, …),
 * numbers as JSON numbers, as ECS types them. The MDC's entries (the trace of the request a line was written in) are
 * written by Elastic's encoder itself.
 */
public final class EcsLines extends EcsEncoder {
    public EcsLines() {
        setServiceName("vizgate");
    }

    @Override
    protected void addCustomFields(ILoggingEvent event, StringBuilder builder) {
        var pairs = event.getKeyValuePairs();
        if (pairs == null) {
            return;
        }
        for (var pair : pairs) {
            if (pair.key == null || pair.value == null) {
                continue;
            }
            builder.append('"');
            JsonUtils.quoteAsString(pair.key, builder);
            builder.append("\":");
            if (pair.value instanceof Long || pair.value instanceof Integer) {
                builder.append(pair.value);
            } else {
                builder.append('"');
                JsonUtils.quoteAsString(String.valueOf(pair.value), builder);
                builder.append('"');
            }
            builder.append(','); // as Elastic's own fields end: the encoder removes the last comma
        }
    }
}
