package dev.vizgate.app.cli;

import dev.vizgate.config.AuditMapping;
import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigSettings;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.sdk.Audit;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.Vizgate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true, subcommands = AuditCommand.Verify.class,
        description = "Works with the audit trail: who obtained which token, for which user, and why a request was refused.")
final class AuditCommand extends CommandGroup {
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks that a written audit trail is whole: no record removed, changed, reordered or cut short.",
                    "It recomputes each record's seal with the audit key (audit.key, read from its secret store).",
                    "Rolled files are read oldest first, then the active file, whatever order they are given in.",
                    "Exit 0 when the trail is intact, 1 when any record is not, naming each one and where it is."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.ParentCommand
        AuditCommand parent;

        @Mixin
        ConfigOption config;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "The trail's files: the rolled ones and the active one.")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            var root = parent.root;
            var out = root.spec.commandLine().getOut();
            for (var file : files) {
                if (!Files.isRegularFile(file)) {
                    throw new ConfigError("FILE", file + " is not a file", "name the trail's files, e.g. /var/log/vizgate/audit*.jsonl");
                }
            }
            var loaded = config.load(root.context(), "audit", "secret-stores", "secret-refresh");
            var cfg = loaded.config();
            var mapped = AuditMapping.of(cfg, loaded.files(), ref -> {
                try (var stores = ConfigSettings.build(loaded.files(), ConfigSettings.withSecretStores(Vizgate.builder(), cfg, loaded.files())
                        .clock(root.context().clock()))) {
                    return stores.readSecret(Setting.of(SettingId.AUDIT_KEY), ref);
                }
            }).orElseThrow(() -> new ConfigError("audit", "the configuration has no audit: section, so there is no key to verify with",
                    "point --config at the gateway's configuration"));
            var ordered = Audit.inWrittenOrder(files);
            var verdict = Audit.verify(ordered, mapped.key());
            for (var finding : verdict.findings()) {
                out.println(finding.problem().name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + finding.message());
            }
            var inFiles = " in " + ordered.size() + (ordered.size() == 1 ? " file" : " files");
            if (verdict.intact()) {
                out.println("intact: " + verdict.records() + " records" + inFiles + ", each sealed and in order");
                return VizgateCommand.EXIT_OK;
            }
            out.println("not intact: " + verdict.findings().size() + (verdict.findings().size() == 1 ? " problem" : " problems") + inFiles
                    + " (" + verdict.records() + " whole records)");
            return VizgateCommand.EXIT_REJECTED;
        }
    }
}
