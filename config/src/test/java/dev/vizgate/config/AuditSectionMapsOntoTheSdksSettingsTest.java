package dev.vizgate.config;

import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.sdk.AuditSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code audit:} section: where the trail goes, its key from a secret store, and each mistake named by its key. */
class AuditSectionMapsOntoTheSdksSettingsTest {
    static final String KEY = "an-audit-key-of-32-bytes-or-more-for-config";
    @TempDir
    Path dir;
    final List<SecretRef> asked = new ArrayList<>();

    Optional<AuditMapping.Mapped> mapped(String yaml) throws Exception {
        Files.writeString(dir.resolve("vizgate.yaml"), yaml);
        var loaded = new ConfigLoader(Map.of("AUDIT_KEY", KEY)::get).load(dir.resolve("vizgate.yaml"));
        return AuditMapping.of(loaded.config(), loaded.files(), ref -> {
            asked.add(ref);
            return KEY + "-from-the-store";
        });
    }

    @Test
    void givenNoAuditSection_nothingIsRecorded() throws Exception {
        assertThat(mapped("callers: { api-keys: [] }\n")).isEmpty();
    }

    @Test
    void givenAFileWithDefaults_theSettings_rollAt100MegabytesAndKeep90Days() throws Exception {
        var m = mapped("audit: { key: \"${AUDIT_KEY}\", node: gw-1, file: { path: logs/audit.jsonl } }\n").orElseThrow();
        assertThat(m.settings().sinks()).containsExactly(new AuditSettings.Sink.File(dir.resolve("logs/audit.jsonl"), 100L * 1024 * 1024, 90));
        assertThat(m.settings().node()).isEqualTo("gw-1");
        assertThat(m.settings().clear()).isEmpty();
        assertThat(m.settings().queue()).isEqualTo(AuditSettings.DEFAULT_QUEUE);
        assertThat(m.settings().required()).as("counts and alerts by default, never refusing a grant").isFalse();
        assertThat(m.key()).isEqualTo(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(m.toString()).doesNotContain(KEY);
    }

    @Test
    void givenEveryKey_theSettings_holdEach() throws Exception {
        var m = mapped("""
                audit:
                  key: "${AUDIT_KEY}"
                  node: gw-2
                  clear: [ user, attributes.Region ]
                  queue: 64
                  required: true
                  file: { path: audit.jsonl, max-size: 5m, keep-days: 400 }
                  stdout: true
                  syslog: { host: syslog.internal, port: 6514 }
                """).orElseThrow();
        assertThat(m.settings().sinks()).containsExactly(new AuditSettings.Sink.File(dir.resolve("audit.jsonl"), 5L * 1024 * 1024, 400),
                new AuditSettings.Sink.StandardOutput(), new AuditSettings.Sink.Syslog("syslog.internal", 6514));
        assertThat(mapped("audit: { key: \"${AUDIT_KEY}\", syslog: { host: 10.0.0.5 } }\n").orElseThrow().settings().sinks())
                .containsExactly(new AuditSettings.Sink.Syslog("10.0.0.5", 514));
        assertThat(m.settings().clear()).containsExactly("user", "attributes.Region");
        assertThat(m.settings().queue()).isEqualTo(64);
        assertThat(m.settings().required()).isTrue();
    }

    @Test
    void givenAKeyInASecretStore_itIsReadFromThere() throws Exception {
        var m = mapped("audit: { key: { vault: \"secret/vizgate/audit\", field: key }, stdout: true }\n").orElseThrow();
        assertThat(asked).singleElement().satisfies(ref -> {
            assertThat(ref.store()).isEqualTo("vault");
            assertThat(ref.location()).isEqualTo("secret/vizgate/audit");
        });
        assertThat(new String(m.key(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(KEY + "-from-the-store");
    }

    @Test
    void givenMistakes_eachIsRefusedAtItsKey() {
        assertRefusedAt("audit: { stdout: true }\n", "audit.key");
        assertRefusedAt("audit: { key: \"too-short\", stdout: true }\n", "audit.key");
        assertRefusedAt("audit: { key: \"${AUDIT_KEY}\" }\n", "audit");
        assertRefusedAt("audit: { key: \"${AUDIT_KEY}\", stdout: true, clear: [ email ] }\n", "audit.clear");
        assertRefusedAt("audit: { key: \"${AUDIT_KEY}\", stdout: true, clear: [ \"attributes.\" ] }\n", "audit.clear");
        assertRefusedAt("audit: { key: \"${AUDIT_KEY}\", stdout: true, node: \"two words\" }\n", "audit.node");
        assertRefusedAt("audit: { key: \"${AUDIT_KEY}\", stdout: true, queue: 8 }\n", "audit.queue");
        assertRefusedAt("audit: { key: \"${AUDIT_KEY}\", file: { path: audit.log } }\n", "audit.file");
        assertRefusedAt("audit: { key: \"${AUDIT_KEY}\", file: { keep-days: 3 } }\n", "audit.file.path");
        assertRefusedAt("audit: { key: \"${AUDIT_KEY}\", file: { path: a.jsonl, max-size: lots } }\n", "audit.file.max-size");
        assertRefusedAt("audit: { key: \"${AUDIT_KEY}\", syslog: { port: 514 } }\n", "audit.syslog.host");
        assertRefusedAt("audit: { key: \"${AUDIT_KEY}\", syslog: { host: a, port: 70000 } }\n", "audit.syslog");
    }

    void assertRefusedAt(String yaml, String path) {
        assertThatThrownBy(() -> mapped(yaml)).as(yaml).isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo(path));
    }
}
