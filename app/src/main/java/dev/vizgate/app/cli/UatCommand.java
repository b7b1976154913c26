package dev.vizgate.app.cli;

import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigFiles;
import dev.vizgate.config.ConfigSettings;
import dev.vizgate.config.UatRegistrationPlan;
import dev.vizgate.config.VizgateConfig;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.model.UatConfiguration;
import dev.vizgate.domain.usecase.RegisterUatConfiguration.Outcome;
import dev.vizgate.sdk.SecretSource;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.UatRegistration;
import dev.vizgate.sdk.Vizgate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "uat", mixinStandardHelpOptions = true, subcommands = UatCommand.Register.class,
        description = "Manages the Tableau Cloud Manager UAT configuration that trusts this gateway's tokens.")
final class UatCommand extends CommandGroup {
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = {"Creates or updates the UAT configuration for trust: uat through Tableau Cloud Manager's REST API.",
                    "It logs in with tableau.cloud-manager.personal-access-token; the issuer, the gateway's JWKS URI, the username claim,"
                            + " the sites (uat.resource-ids) and the scopes (tableau.token.allowed-scopes) come from the configuration.",
                    "Idempotent: a matching configuration is left alone, a differing one replaced (created anew, then the old deleted).",
                    "With tenants: configured, --tenant names whose tableau: section (and its tableau.cloud-manager) to register.",
                    "Cloud Manager's paths and fields are field reports (UNVERIFIED); each path is a setting.",
                    "Exit 0 when registered (or, with --dry-run, when nothing needs writing or the plan was printed), 1 when refused or unreachable."})
    static final class Register implements Callable<Integer> {
        @CommandLine.ParentCommand
        UatCommand parent;

        @Mixin
        ConfigOption config;

        @Mixin
        TenantOption tenant;

        @Option(names = "--dry-run", description = "Write nothing: say whether the configuration would be created, replaced or left alone, and why.")
        boolean dryRun;

        @Override
        public Integer call() {
            var root = parent.root;
            var loaded = config.load(root.context(), "tableau", "tenants", "secret-stores", "secret-refresh");
            var tableau = tenant.tableau(loaded);
            var section = tenant.sections(loaded);
            UatRegistrationPlan plan;
            try {
                plan = ConfigSettings.map(section.files(), () -> UatRegistrationPlan.of(section.config().tableau(), tableau, section.files()));
            } catch (ConfigError e) {
                throw tenant.tenant == null ? e : new ConfigError(tenant.at(e.path()), e.getMessage(), e.fix());
            }
            var out = root.spec.commandLine().getOut();
            var err = root.spec.commandLine().getErr();
            var outcome = UatRegistration.of(plan.cloudManager(), tokenSecret(plan, loaded.files(), loaded.config(), root)).register(plan.wanted(), dryRun);
            return report(outcome, out, err);
        }

        /** The personal access token's secret: written in the configuration, or read once from its store. */
        static String tokenSecret(UatRegistrationPlan plan, ConfigFiles files, VizgateConfig config, VizgateCommand root) {
            if (plan.tokenSecret() instanceof SecretSource.Value v) {
                return v.value();
            }
            var stored = (SecretSource.Stored) plan.tokenSecret();
            var builder = ConfigSettings.withSecretStores(Vizgate.builder(), config, files).clock(root.context().clock());
            try (var vizgate = ConfigSettings.build(files, builder)) {
                return ConfigSettings.map(files, () -> vizgate.readSecret(Setting.of(SettingId.CLOUD_MANAGER_TOKEN_SECRET), stored.ref()));
            }
        }

        static int report(Outcome outcome, PrintWriter out, PrintWriter err) {
            if (outcome instanceof Outcome.Failed f) {
                err.println((f.unavailable() ? "unavailable: " : "refused: ") + f.reason());
                err.println("  fix: " + (f.unavailable() ? "check tableau.cloud-manager.url and the network, then run again"
                        : "use a Tableau Cloud Manager administrator's personal access token; if Cloud Manager's API differs from the field reports,"
                        + " set tableau.cloud-manager's login-path, configurations-path and session-header"));
                err.flush();
                return VizgateCommand.EXIT_REJECTED;
            }
            if (outcome instanceof Outcome.WouldWrite w) {
                out.println(w.existing().isEmpty() ? "would create: " + described(w.wanted())
                        : "would replace " + w.existing().get().id().orElse("?") + ": " + String.join("; ", w.differences()));
            } else if (outcome instanceof Outcome.Created c) {
                out.println("created: " + described(c.configuration()));
            } else if (outcome instanceof Outcome.Replaced r) {
                out.println("replaced (" + String.join("; ", r.differences()) + "): " + described(r.configuration()));
            } else {
                out.println("already registered: " + described(((Outcome.Unchanged) outcome).configuration()));
            }
            out.flush();
            return VizgateCommand.EXIT_OK;
        }

        private static String described(UatConfiguration c) {
            return c.issuer() + " (JWKS " + c.jwksUri() + ", user in " + c.usernameClaim() + ", sites " + c.resourceIds() + ", scopes " + c.scopes()
                    + ") as '" + c.name() + "'" + c.id().map(id -> ", id " + id).orElse("");
        }
    }
}
