package dev.vizgate.app.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md's exit codes: 0 success, 2 usage. */
class VizgateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void givenHelp_run_printsUsageAndExitsZero() {
        assertThat(VizgateCommand.execute("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: vizgate", "Exit codes");
    }

    @Test
    void givenVersion_run_printsTheVersionAndExitsZero() {
        assertThat(VizgateCommand.execute("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("vizgate ");
    }

    @Test
    void givenUnknownOption_run_exitsWithUsageCode2OnStderr() {
        assertThat(VizgateCommand.execute("--no-such-option")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void givenNoCommand_run_exitsWithUsageCode2() {
        assertThat(VizgateCommand.execute()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing a command");
    }
}
