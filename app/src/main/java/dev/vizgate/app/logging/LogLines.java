package dev.vizgate.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * How every log line is written, switched once at start from the configuration ({@code logging.format}): the text lines
 * of {@link LogSetup}, or one ECS JSON object per line ({@link EcsLines}) for a log pipeline that reads fields.
 * Every appender that writes lines is switched, the access log's behind its asynchronous appender included.
 */
public final class LogLines {
    private static volatile boolean json;

    private LogLines() {
    }

    /** Whether lines are JSON now: the access log then adds its fields as key-value pairs, which text lines leave out. */
    public static boolean json() {
        return json;
    }

    /** Writes every line as ECS JSON from now on. */
    public static void useJson() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding: the platform that embeds Vizgate owns its log format
        }
        for (var appender : writers(context)) {
            var encoder = new EcsLines();
            encoder.setContext(context);
            encoder.start();
            appender.stop();
            appender.setEncoder(encoder);
            appender.start();
        }
        json = true;
    }

    /** Every appender that writes lines, at the root and on each logger, and behind each asynchronous appender. */
    static List<OutputStreamAppender<ILoggingEvent>> writers(LoggerContext context) {
        var out = new ArrayList<OutputStreamAppender<ILoggingEvent>>();
        for (var logger : context.getLoggerList()) {
            logger.iteratorForAppenders().forEachRemaining(a -> collect(a, out));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Appender<ILoggingEvent> appender, List<OutputStreamAppender<ILoggingEvent>> out) {
        if (appender instanceof OutputStreamAppender<ILoggingEvent> writer && !out.contains(writer)) {
            out.add(writer);
        } else if (appender instanceof AsyncAppenderBase<ILoggingEvent> async) {
            async.iteratorForAppenders().forEachRemaining(a -> collect(a, out));
        }
    }
}
