package dev.vizgate.config;

import dev.vizgate.domain.model.Text;

import java.util.Locale;

/** How log lines are written ({@code logging.format}): one line of text each, or one JSON object each with ECS field names. */
public enum LogFormat {
    TEXT, JSON;

    /** The configuration's {@code logging.format}, text when there is none. */
    public static LogFormat of(VizgateConfig config) {
        if (config.logging() == null || config.logging().format() == null) {
            return TEXT;
        }
        var format = config.logging().format().strip().toLowerCase(Locale.ROOT);
        if ("json".equals(format)) {
            return JSON;
        }
        if ("text".equals(format)) {
            return TEXT;
        }
        throw new ConfigError("logging.format", "'" + Text.oneLine(config.logging().format(), 32) + "' is not a log format",
                "write text (one line of words each) or json (one JSON object each, with Elastic Common Schema field names)");
    }
}
