package dev.vizgate.app.cli;

import dev.vizgate.app.http.Audits;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.config.ConfigSettings;
import dev.vizgate.domain.usecase.RotationOutcome;
import dev.vizgate.sdk.RotationSettings;
import dev.vizgate.sdk.TableauSettings;
import dev.vizgate.sdk.Vizgate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "secrets", mixinStandardHelpOptions = true, subcommands = SecretsCommand.Rotate.class,
        description = "Manages the Connected App secret Vizgate keeps in a secret store.")
final class SecretsCommand extends CommandGroup {
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Rotates the managed Connected App secret through Tableau's REST API without breaking a live page.",
                    "The steps: clear room, create, store as next, wait for every node, switch the kid, wait out the old tokens, delete the old."
                            + " Each step is recorded in the secret store; a run that stopped is finished by the next one.",
                    "Exit 0 when rotated (or, with --dry-run, after printing the plan), 1 when paused or refused."})
    static final class Rotate implements Callable<Integer> {
        /** The command as the audit trail names it: its caller, and its own file beside the gateway's. */
        static final String WRITER = "secrets-rotate";

        @CommandLine.ParentCommand
        SecretsCommand parent;

        @Mixin
        ConfigOption config;

        @Option(names = "--dry-run", description = "Print the plan from the store's record and change nothing.")
        boolean dryRun;

        @Mixin
        TenantOption tenant;

        @Option(names = "--all-tenants", description = "With tenants: configured, rotate every tenant's secret that has rotation configured, one after another.")
        boolean allTenants;

        @Override
        public Integer call() {
            var root = parent.root;
            var loaded = config.load(root.context(), "tableau", "tenants", "secret-stores", "secret-refresh", "audit");
            var out = root.spec.commandLine().getOut();
            var err = root.spec.commandLine().getErr();
            TenantOption.oneOrAll(tenant.tenant, allTenants);
            if (!allTenants) {
                if (tenant.tenant == null && loaded.config().tableau() == null && loaded.config().tenants() != null) {
                    throw new ConfigError("tenants", "this configuration serves tenants, each with its own secret", "name one with --tenant <id>, or --all-tenants");
                }
                return rotate(tenant.tenant == null ? "-" : tenant.tenant, tenant.tableau(loaded),
                        tenant.rotation(loaded).orElseThrow(() -> missing(tenant.at("tableau.connected-app.rotation"))), loaded, out, err);
            }
            var catalogue = TenantOption.allTenants(loaded);
            var failed = 0;
            for (var id : catalogue.known()) {
                out.println("tenant " + id + ":");
                var settings = catalogue.find(id).orElseThrow();
                if (settings.rotation().isEmpty()) {
                    out.println("  no rotation configured; skipped");
                    continue;
                }
                try {
                    failed += rotate(id.value(), settings.tableau().orElseThrow(), settings.rotation().get(), loaded, out, err) == VizgateCommand.EXIT_OK ? 0 : 1;
                } catch (ConfigError e) {
                    failed++;
                    err.println("tenant " + id + ": " + e.twoLines());
                }
            }
            out.println(failed == 0 ? "every tenant done" : failed + " tenant(s) not rotated; run again to go on");
            out.flush();
            return failed == 0 ? VizgateCommand.EXIT_OK : VizgateCommand.EXIT_REJECTED;
        }

        private static ConfigError missing(String where) {
            return new ConfigError(where, "required key is missing",
                    "add rotation: { personal-access-token: { name: …, secret: { vault: \"secret/vizgate/tableau-pat\" } } }");
        }

        /** @param tenantId the tenant the audit trail names ("-" for a one-tenant configuration) */
        private int rotate(String tenantId, TableauSettings tableau, RotationSettings rotation, ConfigLoader.Loaded loaded, PrintWriter out, PrintWriter err) {
            var root = parent.root;
            var builder = ConfigSettings.withSecretStores(Vizgate.builder(), loaded.config(), loaded.files()).clock(root.context().clock())
                    .tableau(tableau).rotation(rotation);
            try (var vizgate = ConfigSettings.build(loaded.files(), builder);
                 var trail = GatewayWiring.openCommandAudit(WRITER, loaded.config(), loaded.files(), vizgate)) {
                var audits = Audits.of(trail, root.context().clock()); // each step as it starts, then how it ended, as serve's schedule records them
                var rotate = vizgate.rotation().orElseThrow();
                out.println("managed secret: " + vizgate.tableauTrust().orElseThrow().signingKeyId() + " signs now");
                if (dryRun) {
                    out.println("plan:");
                    for (var planned : rotate.plan()) {
                        out.println("  " + (planned.done() ? "[done] " : "[todo] ") + planned.step().label() + ": " + planned.step().does());
                    }
                    out.flush();
                    return VizgateCommand.EXIT_OK;
                }
                var outcome = rotate.run(step -> {
                    out.println("step " + step.label() + ": " + step.does());
                    out.flush();
                    audits.rotation(WRITER, tenantId, step.label(), Optional.empty());
                });
                audits.rotationEnded(WRITER, tenantId, outcome);
                return report(outcome, out, err);
            }
        }

        private static int report(RotationOutcome outcome, PrintWriter out, PrintWriter err) {
            if (outcome instanceof RotationOutcome.Rotated r) {
                out.println("rotated: " + r.from() + " → " + r.to() + "; Tableau and the store hold only " + r.to());
                out.flush();
                return VizgateCommand.EXIT_OK;
            }
            var step = outcome instanceof RotationOutcome.Paused p ? p.at() : ((RotationOutcome.Refused) outcome).at();
            var why = outcome instanceof RotationOutcome.Paused p ? p.why() : ((RotationOutcome.Refused) outcome).why();
            err.println((outcome instanceof RotationOutcome.Paused ? "paused at " : "refused at ") + step.label() + ": " + why);
            err.println("  the current secret still signs; run vizgate secrets rotate again to go on");
            err.flush();
            return VizgateCommand.EXIT_REJECTED;
        }
    }
}
