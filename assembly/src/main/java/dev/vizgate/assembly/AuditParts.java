package dev.vizgate.assembly;

import dev.vizgate.adapters.audit.AllSinks;
import dev.vizgate.adapters.audit.AuditFile;
import dev.vizgate.adapters.audit.AuditKey;
import dev.vizgate.adapters.audit.AuditTrailVerifier;
import dev.vizgate.adapters.audit.ClearFields;
import dev.vizgate.adapters.audit.LogbackAuditTrail;
import dev.vizgate.domain.model.AuditVerdict;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.port.AuditTrail;
import dev.vizgate.sdk.AuditSettings;
import dev.vizgate.sdk.OpenedAuditTrail;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.SettingsException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The audit trail from its settings: one Logback trail per sink, every event to each. */
final class AuditParts {
    private AuditParts() {
    }

    static OpenedAuditTrail open(AuditSettings settings, byte[] keyBytes) {
        var key = AuditKey.of(keyBytes);
        ClearFields clear;
        try {
            clear = ClearFields.parse(settings.clear());
        } catch (IllegalArgumentException e) {
            throw new SettingsException(Setting.of(SettingId.AUDIT_KEY), e.getMessage(), "list user, attributes or attributes.<name> in audit.clear");
        }
        var opened = new ArrayList<LogbackAuditTrail>();
        try {
            for (var sink : settings.sinks()) {
                if (sink instanceof AuditSettings.Sink.File file) {
                    opened.add(openFile(file, key, settings, clear));
                } else if (sink instanceof AuditSettings.Sink.Syslog syslog) {
                    opened.add(LogbackAuditTrail.syslog(syslog.host(), syslog.port(), key, settings.node(), clear, settings.queue()));
                } else {
                    opened.add(LogbackAuditTrail.standardOutput(key, settings.node(), clear, settings.queue()));
                }
            }
        } catch (RuntimeException e) {
            opened.forEach(LogbackAuditTrail::close);
            throw e;
        }
        var all = new AllSinks(opened);
        return new OpenedAuditTrail() {
            @Override
            public AuditTrail trail() {
                return all;
            }

            @Override
            public long dropped() {
                return all.dropped();
            }

            @Override
            public boolean writable() {
                return all.writable();
            }

            @Override
            public boolean required() {
                return settings.required();
            }

            @Override
            public void close() {
                all.close();
            }

            @Override
            public String toString() {
                return all.toString();
            }
        };
    }

    private static LogbackAuditTrail openFile(AuditSettings.Sink.File file, AuditKey key, AuditSettings settings, ClearFields clear) {
        try {
            return LogbackAuditTrail.file(new AuditFile(file.path(), file.maxFileBytes(), file.keepDays()), key, settings.node(), clear, settings.queue());
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new SettingsException(Setting.of(SettingId.AUDIT_FILE), file.path() + " could not be opened for writing",
                    "create its directory, and let the gateway's user write there");
        }
    }

    static AuditVerdict verify(List<Path> files, byte[] key) throws IOException {
        return new AuditTrailVerifier(AuditKey.of(key)).verify(files);
    }
}
