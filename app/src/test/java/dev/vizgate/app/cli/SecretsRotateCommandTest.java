package dev.vizgate.app.cli;

import dev.vizgate.app.http.AuditTrailFiles;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.sandbox.TableauStandIn;
import dev.vizgate.sandbox.VaultStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `vizgate secrets rotate` against the Tableau and Vault stand-ins: --dry-run prints the plan and changes nothing; a run
 * rotates the managed secret; with Tableau out of reach it pauses and the current secret keeps signing.
 */
class SecretsRotateCommandTest {
    static final String FIRST = RotationStandIns.FIRST;
    static final String PROPAGATION = "250ms";

    @TempDir
    Path dir;

    String config(TableauStandIn tableau, VaultStandIn vault) {
        return RotationStandIns.config(tableau, vault, PROPAGATION); // short: each rotation waits it out twice
    }

    TableauStandIn tableau() throws Exception {
        return RotationStandIns.tableau();
    }

    VaultStandIn vault() throws Exception {
        return RotationStandIns.vault(Clock.systemUTC(), "hvs.cli");
    }

    @Test
    void dryRun_printsThePlan_andChangesNothing() throws Exception {
        try (var tableau = tableau(); var vault = vault()) {
            var file = CliRun.write(dir, "vizgate.yaml", config(tableau, vault));
            var run = CliRun.run(Clock.systemUTC(), Map.of("VAULT_TOKEN", "hvs.cli"), "", "secrets", "rotate", "--config", file.toString(), "--dry-run");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("managed secret: first-id signs now", "[todo] clear-room:", "[todo] create:", "[todo] switch:",
                    "[todo] delete-old:").doesNotContain(FIRST).doesNotContain("pat-secret-value");
            assertThat(tableau.secretIds()).containsExactly("first-id");
        }
    }

    @Test
    void rotate_replacesTheManagedSecret_onTableauAndInTheStore() throws Exception {
        try (var tableau = tableau(); var vault = vault()) {
            var file = CliRun.write(dir, "vizgate.yaml", config(tableau, vault));
            var run = CliRun.run(Clock.systemUTC(), Map.of("VAULT_TOKEN", "hvs.cli"), "", "secrets", "rotate", "--config", file.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("step clear-room:", "step switch:", "step delete-old:", "rotated: first-id → ");
            assertThat(tableau.secretIds()).hasSize(1).doesNotContain("first-id");
            var token = CliRun.run(Clock.systemUTC(), Map.of("VAULT_TOKEN", "hvs.cli"), "", "token", "--config", file.toString(), "--user", "alice@acme.com");
            assertThat(token.exit()).as(token.err()).isZero();
            assertThat(tableau.verify(token.out().strip())).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
        }
    }

    /**
     * Issue 32: the command records each step as it starts, then how it ended, in the configuration's audit trail, as a
     * writer of its own: its own file beside the gateway's ({@code audit-secrets-rotate.jsonl}), its node named
     * {@code <node>.secrets-rotate}, so the gateway's file keeps its one writer; a second run continues its chain.
     */
    @Test
    void givenAnAuditSection_rotate_recordsEachStepInAFileOfItsOwn_thatVerifies() throws Exception {
        try (var tableau = tableau(); var vault = vault()) {
            var file = CliRun.write(dir, "vizgate.yaml", config(tableau, vault)
                    + "audit: { key: \"an-audit-key-of-32-bytes-or-more-for-the-cli\", node: gw-1, file: { path: audit.jsonl } }\n");
            var run = CliRun.run(Clock.systemUTC(), Map.of("VAULT_TOKEN", "hvs.cli"), "", "secrets", "rotate", "--config", file.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            var again = CliRun.run(Clock.systemUTC(), Map.of("VAULT_TOKEN", "hvs.cli"), "", "secrets", "rotate", "--config", file.toString());
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(dir.resolve("audit.jsonl")).as("the gateway's file is the gateway's alone").doesNotExist();
            var records = AuditTrailFiles.lines(dir, "audit-secrets-rotate");
            assertThat(records).hasSize(16).allSatisfy(r -> assertThat(r).contains("\"event\":\"secret-rotated\"").contains("\"node\":\"gw-1.secrets-rotate\"")
                    .contains("\"caller\":\"secrets-rotate\",\"callerKind\":\"operator\"").doesNotContain("pat-secret-value"));
            assertThat(records.stream().map(r -> r.replaceAll(".*\"step\":\"([^\"]+)\".*", "$1")).toList().subList(0, 8))
                    .containsExactly("clear-room", "create", "store-next", "await-nodes", "switch", "await-tokens", "delete-old", "rotated");
            assertThat(records.get(15)).contains("\"step\":\"rotated\"").contains("\"secretId\":\"" + tableau.secretIds().iterator().next() + "\"");
            var verified = CliRun.run(Map.of("VAULT_TOKEN", "hvs.cli"), java.util.stream.Stream.concat(java.util.stream.Stream.of("audit", "verify", "--config", file.toString()),
                    AuditTrailFiles.of(dir, "audit-secrets-rotate").stream().map(Path::toString)).toArray(String[]::new));
            assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
            assertThat(verified.out()).contains("intact: 16 records");
        }
    }

    @Test
    void givenTableauOutOfReach_rotate_pauses_andTheCurrentSecretStillSigns() throws Exception {
        var tableau = tableau();
        try (var vault = vault()) {
            var file = CliRun.write(dir, "vizgate.yaml", config(tableau, vault));
            tableau.close();
            var run = CliRun.run(Clock.systemUTC(), Map.of("VAULT_TOKEN", "hvs.cli"), "", "secrets", "rotate", "--config", file.toString());
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("paused at clear-room", "the current secret still signs");
        }
    }

    @Test
    void doctor_warnsWhenTheManagedSecretIsOlderThanTheRotationSchedule() throws Exception {
        // The secret was written 40 days before the CLI's clock (CliRun's MutableClock) reads.
        var written = new MutableClock(MutableClock.START.minus(Duration.ofDays(40)));
        try (var tableau = tableau(); var vault = RotationStandIns.vault(written, "hvs.cli")) {
            var file = CliRun.write(dir, "vizgate.yaml", config(tableau, vault).replace("      propagation: " + PROPAGATION + "\n", "      propagation: " + PROPAGATION + "\n      every: 30d\n"));
            var run = CliRun.run(Map.of("VAULT_TOKEN", "hvs.cli"), "doctor", "--config", file.toString(), "--timeout", "1s");
            assertThat(run.out()).contains("WARN  tableau.connected-app.managed-secret: vault:secret/vizgate/tableau version v1 is 40 day(s) old, "
                    + "past the rotation schedule of 30 day(s)", "fix: run vizgate secrets rotate");
        }
    }
}
