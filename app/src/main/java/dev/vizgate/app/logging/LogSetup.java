package dev.vizgate.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Vizgate's logging, set up in code when Logback starts (registered in {@code META-INF/services}): Logback's XML reader
 * took about 100 ms of every {@code vizgate serve} start, for five elements. An operator's own file still wins:
 * with {@code -Dlogback.configurationFile} set, Logback reads that file as usual.
 * <ul>
 *   <li>One line per event on stderr. Vizgate logs routes, statuses, timings and caller names; never tokens, keys,
 *   secrets, frontdoor URLs or request bodies (their types print as redacted by construction). Line breaks in a message
 *   become spaces, so one event stays one line.</li>
 *   <li>The access log ({@code vizgate.access}), one line per request, off the request's thread: Logback's asynchronous
 *   appender with a bounded queue ({@link CountingAsyncAppender}: a line that finds it full is dropped and counted,
 *   never waited for), writing in batches ({@link GatheringConsoleAppender}). It skips the line-break rewrite: its every
 *   field is already one line (a method Jetty parsed, a fixed route name, numbers, a caller name that config refuses
 *   control characters in), and the rewrite per line was a tenth of the token route's allocation.</li>
 *   <li>Jetty at WARN.</li>
 * </ul>
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** The access log's logger: one line per request. */
    public static final String ACCESS_LOGGER = "vizgate.access";
    static final int ACCESS_QUEUE = 8192;
    private static final String TIME_AND_LEVEL = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level %logger{20} ";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // the operator's own file, read by Logback's next configurator
        }
        var lines = new ConsoleAppender<ILoggingEvent>();
        start(context, lines, "STDERR", TIME_AND_LEVEL + "%replace(%msg){'[\\r\\n]', ' '}%n");
        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(lines);

        var access = new GatheringConsoleAppender();
        start(context, access, "ACCESS", TIME_AND_LEVEL + "%msg%n");
        var queued = new CountingAsyncAppender();
        queued.setContext(context);
        queued.setName("ACCESS_ASYNC");
        queued.setQueueSize(ACCESS_QUEUE);
        queued.addAppender(access);
        queued.start();
        var accessLogger = context.getLogger(ACCESS_LOGGER);
        accessLogger.setAdditive(false);
        accessLogger.addAppender(queued);

        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static void start(LoggerContext context, ConsoleAppender<ILoggingEvent> appender, String name, String pattern) {
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        appender.setContext(context);
        appender.setName(name);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
    }
}
