package dev.vizgate.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Logback is set up by {@link LogSetup}, found through its service file, as logback.xml set it up before. */
class LoggingIsSetUpInCodeTest {

    @Test
    void givenLogbackStarting_itFindsLogSetup_andTheRootWritesToStderr() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).as("set up by LogSetup").isNotNull();
    }

    @Test
    void givenLogSetup_theAccessLogIsQueuedAndBatched_jettyIsAtWarn_andNothingElseIsRead() {
        var context = new LoggerContext();
        assertThat(new LogSetup().configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
                a -> assertThat(a.getTarget()).isEqualTo("System.err"));

        var access = context.getLogger(LogSetup.ACCESS_LOGGER);
        assertThat(access.isAdditive()).as("access lines are not repeated on the root's appender").isFalse();
        assertThat(access.getAppender("ACCESS_ASYNC")).isInstanceOfSatisfying(CountingAsyncAppender.class, queued -> {
            assertThat(queued.getQueueSize()).isEqualTo(LogSetup.ACCESS_QUEUE);
            assertThat(queued.getAppender("ACCESS")).isInstanceOf(GatheringConsoleAppender.class);
            assertThat(queued.isStarted()).isTrue();
        });
        assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);
        context.stop();
    }

    @Test
    void givenAMessageWithLineBreaks_theLineWrittenIsOneLine() {
        var context = new LoggerContext();
        new LogSetup().configure(context);
        @SuppressWarnings("unchecked")
        var lines = (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        var event = new LoggingEvent("test", context.getLogger("dev.vizgate.test"), Level.WARN, "first\nforged line\rend", null, null);

        var written = new String(lines.getEncoder().encode(event), StandardCharsets.UTF_8);

        assertThat(written).contains("first forged line end").endsWith(System.lineSeparator());
        assertThat(written.strip()).doesNotContain("\n", "\r");
        context.stop();
    }

    @Test
    void givenAnOperatorsOwnFile_logSetupStepsAside() {
        var context = new LoggerContext();
        var before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/etc/vizgate/logback.xml");
        try {
            assertThat(new LogSetup().configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }
}
