package dev.vizgate.app.cli;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * doctor on the demo's own configuration tells the truth about it: the demo's Salesforce session lasts as long as its
 * stand-in org keeps sessions (2h), not the 30m default, and every check passes against the running stand-ins.
 */
class DoctorOnTheDemoTest {
    @Test
    void doctor_onTheRunningDemo_isHealthy_andStatesTheOrgsSessionTimeout() throws Exception {
        // The demo and doctor share the real clock, as they would on one machine.
        try (var demo = Demo.start(0, Clock.systemUTC())) {
            var run = CliRun.run(Clock.systemUTC(), Map.of(), "", "doctor", "--config", demo.folder().resolve("vizgate.yaml").toString());
            assertThat(run.out()).as(run.out() + run.err()).contains("sessions taken to last 2h (salesforce.session-ttl").doesNotContain("last 30m");
            assertThat(run.out()).doesNotContain("FAIL");
            assertThat(run.exit()).as(run.out()).isZero();
        }
    }
}
