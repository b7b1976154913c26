package dev.vizgate.app.cli;

import dev.vizgate.app.cli.DoctorCommand.Finding;
import dev.vizgate.app.cli.DoctorCommand.Level;
import dev.vizgate.config.AuditMapping;
import dev.vizgate.sdk.AuditSettings;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * doctor on the audit trail, once its section mapped (the key read and checked for strength, as serve reads it): can
 * each sink take records? A file's directory must exist and be writable, and a syslog daemon must accept TCP. A sink
 * that cannot is a failure when the trail is required (serve would refuse every grant) and a warning otherwise
 * (records are held and queued, then counted as dropped).
 */
final class AuditFindings {
    private AuditFindings() {
    }

    static List<Finding> of(AuditMapping.Mapped mapped, Duration wait) {
        var settings = mapped.settings();
        var out = new ArrayList<Finding>();
        var refused = settings.required() ? Level.FAIL : Level.WARN;
        for (var sink : settings.sinks()) {
            if (sink instanceof AuditSettings.Sink.File file) {
                out.add(file(file, refused));
            } else if (sink instanceof AuditSettings.Sink.Syslog syslog) {
                out.add(syslog(syslog, wait, refused));
            } else {
                out.add(new Finding(Level.OK, "audit.stdout", "records go to standard output, for the platform to collect", ""));
            }
        }
        out.add(new Finding(Level.OK, "audit", "node " + settings.node() + ", the key loads and is strong enough; "
                + (settings.required() ? "required: nothing is granted while no sink can write" : "not required: a sink that cannot write is"
                + " counted in vizgate_audit_writable and vizgate_audit_dropped_total"), ""));
        return out;
    }

    private static Finding file(AuditSettings.Sink.File file, Level refused) {
        var path = file.path().toAbsolutePath();
        var dir = path.getParent();
        if (!Files.isDirectory(dir)) {
            return new Finding(refused, "audit.file.path", "the directory " + dir + " does not exist, so no record can be written",
                    "create it, writable by the user the gateway runs as");
        }
        if (!Files.isWritable(dir) || (Files.exists(path) && !Files.isWritable(path))) {
            return new Finding(refused, "audit.file.path", (Files.isWritable(dir) ? path : dir) + " is not writable by this user",
                    "give the user the gateway runs as write access to " + dir);
        }
        return new Finding(Level.OK, "audit.file.path", "records go to " + path + ", rolled daily and at " + file.maxFileBytes() + " bytes, kept "
                + file.keepDays() + " day(s)", "");
    }

    private static Finding syslog(AuditSettings.Sink.Syslog syslog, Duration wait, Level refused) {
        var where = syslog.host() + ":" + syslog.port();
        return Reach.tcpRefusal(syslog.host(), syslog.port(), wait)
                .map(why -> new Finding(refused, "audit.syslog", "no syslog daemon accepts TCP at " + where + " (" + why + ")",
                        "start the daemon's TCP input there (rsyslog: module(load=\"imtcp\") input(type=\"imtcp\" port=\"" + syslog.port()
                                + "\")), or correct audit.syslog"))
                .orElseGet(() -> new Finding(Level.OK, "audit.syslog", "the syslog daemon at " + where + " accepts TCP", ""));
    }
}
