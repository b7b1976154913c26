package dev.vizgate.app.cli;

import dev.vizgate.app.cli.DoctorCommand.Finding;
import dev.vizgate.app.cli.DoctorCommand.Level;
import dev.vizgate.config.SettingPaths;
import dev.vizgate.domain.usecase.LiveSecret;
import dev.vizgate.sdk.Setting;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * doctor on where each secret comes from. The sources say a Connected App secret "must be treated like an API key"
 * and kept in a secrets manager, not in configuration files or environment variables: a plain or environment value is
 * a warning, with the reference that fixes it. A stored secret reports its version and, where the store knows, its age.
 */
final class SecretFindings {
    private SecretFindings() {
    }

    static List<Finding> of(Map<Setting, LiveSecret> secrets, Clock clock) {
        return of(secrets, clock, Optional.empty());
    }

    /** With a rotation schedule ({@code rotation.every}): a managed secret older than it is a warning. */
    static List<Finding> of(Map<Setting, LiveSecret> secrets, Clock clock, Optional<Duration> every) {
        var out = new ArrayList<Finding>();
        for (var s : secrets.entrySet()) {
            var e = Map.entry(SettingPaths.yaml(s.getKey()), s.getValue());
            var ref = e.getValue().ref();
            var current = e.getValue().current();
            if (e.getKey().startsWith("tableau.connected-app.") && ("inline".equals(ref.store()) || "env".equals(ref.store()))) {
                out.add(new Finding(Level.WARN, e.getKey(), "the Connected App secret comes from " + ("env".equals(ref.store())
                        ? "the environment variable " + ref.location() : "the configuration (a plain value or ${ENV})")
                        + "; the sources say to keep it in a secrets manager such as Vault or AWS Secrets Manager",
                        "store it there and reference it: value: { vault: \"secret/vizgate/tableau\", field: value } or { aws: \"<arn>\", field: value }"));
                continue;
            }
            if ("inline".equals(ref.store())) {
                continue; // a value written in the configuration has no version worth reporting
            }
            var age = current.createdAt().map(created -> Duration.between(created, clock.instant()));
            if (every.isPresent() && age.isPresent() && age.get().compareTo(every.get()) > 0) {
                out.add(new Finding(Level.WARN, e.getKey(), ref + " version " + current.version() + " is " + age.get().toDays()
                        + " day(s) old, past the rotation schedule of " + every.get().toDays() + " day(s)",
                        "run vizgate secrets rotate --config … (add --dry-run to see the plan first)"));
                continue;
            }
            out.add(new Finding(Level.OK, e.getKey(), ref + " version " + current.version()
                    + age.map(a -> a.isNegative() ? ", created in the future by this machine's clock (check NTP)"
                    : ", created " + a.toDays() + " day(s) ago").orElse(", age unknown to the store")
                    + (e.getValue().status().stale() ? "; stale: " + e.getValue().status().staleBecause().orElse("") : ""), ""));
        }
        return out;
    }
}
