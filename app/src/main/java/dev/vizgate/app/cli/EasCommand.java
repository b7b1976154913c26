package dev.vizgate.app.cli;

import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.config.ConfigSettings;
import dev.vizgate.domain.model.EasRegistration;
import dev.vizgate.domain.usecase.PublishJwks;
import dev.vizgate.domain.usecase.RegisterExternalAuthorizationServer.Outcome;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.TableauAdminSettings;
import dev.vizgate.sdk.TableauSettings;
import dev.vizgate.sdk.Vizgate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "eas", mixinStandardHelpOptions = true, subcommands = EasCommand.Register.class,
        description = "Manages the External Authorization Server (OAuth 2.0 trust) registration on the Tableau site.")
final class EasCommand extends CommandGroup {
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = {"Registers the issuer as the site's External Authorization Server through Tableau's REST API.",
                    "It signs in with a site administrator's personal access token (tableau.admin.personal-access-token).",
                    "trust: eas registers this gateway (issuer and its JWKS URI); trust: idp registers the identity provider.",
                    "Creates, updates, or leaves alone an existing registration of the same issuer, so it can run on every deploy.",
                    "With tenants: configured, --tenant registers one tenant's issuer on its own site, --all-tenants each one's.",
                    "Exit 0 when registered, 1 when Tableau refused or could not be reached."})
    static final class Register implements Callable<Integer> {
        @CommandLine.ParentCommand
        EasCommand parent;

        @Mixin
        ConfigOption config;

        @Option(names = "--name", paramLabel = "NAME", description = "The registration's name on the site. Default: Vizgate <issuer host>.")
        String name;

        @Mixin
        TenantOption tenant;

        @Option(names = "--all-tenants", description = "With tenants: configured, register each EAS or IdP tenant on its own site, one line each.")
        boolean allTenants;

        @Override
        public Integer call() {
            var root = parent.root;
            var loaded = config.load(root.context(), "tableau", "tenants", "secret-stores", "secret-refresh");
            var out = root.spec.commandLine().getOut();
            var err = root.spec.commandLine().getErr();
            TenantOption.oneOrAll(tenant.tenant, allTenants);
            if (!allTenants) {
                return register(tenant.tableau(loaded), tenant.admin(loaded), tenant, loaded, out, err);
            }
            var catalogue = TenantOption.allTenants(loaded);
            var failed = 0;
            for (var id : catalogue.known()) {
                out.print("tenant " + id + ": ");
                var settings = catalogue.find(id).orElseThrow();
                var app = settings.tableau().map(TableauSettings::connectedApp);
                if (app.isEmpty() || app.get() instanceof ConnectedApp.Direct || app.get() instanceof ConnectedApp.Managed
                        || app.get() instanceof ConnectedApp.Uat) {
                    out.println("no External Authorization Server to register (" + (app.isEmpty() ? "Tableau Next alone"
                            : app.get() instanceof ConnectedApp.Uat ? "unified access tokens: a UAT configuration lives in Tableau Cloud Manager" : "direct trust")
                            + "); skipped");
                    continue;
                }
                var one = new TenantOption();
                one.tenant = id.value();
                try {
                    if (register(settings.tableau().get(), settings.admin(), one, loaded, out, err) != VizgateCommand.EXIT_OK) {
                        failed++;
                        out.println("not registered");
                    }
                } catch (ConfigError e) {
                    failed++;
                    out.println("not registered");
                    err.println(e.twoLines());
                }
            }
            out.println(failed == 0 ? "every EAS tenant registered" : failed + " tenant(s) not registered; fix them and run again");
            out.flush();
            return failed == 0 ? VizgateCommand.EXIT_OK : VizgateCommand.EXIT_REJECTED;
        }

        /** Registers one Connected App's issuer on its own site with its own administrator's token; {@code at} names its keys. */
        private int register(TableauSettings tableau, Optional<TableauAdminSettings> siteAdmin, TenantOption at, ConfigLoader.Loaded loaded,
                             PrintWriter out, PrintWriter err) {
            var admin = siteAdmin.orElseThrow(() -> new ConfigError(at.at("tableau.admin.personal-access-token"),
                    "registering an EAS needs a site administrator's personal access token",
                    "add tableau.admin: { personal-access-token: { name: vizgate-admin, secret: { env: TABLEAU_PAT } } }"));
            var wanted = registration(tableau.connectedApp(), at);
            var builder = ConfigSettings.withSecretStores(Vizgate.builder(), loaded.config(), loaded.files()).clock(parent.root.context().clock())
                    .tableau(tableau).tableauAdmin(admin);
            Outcome outcome;
            try (var vizgate = ConfigSettings.build(loaded.files(), builder)) {
                outcome = vizgate.tableauAdmin().orElseThrow().registration().register(wanted);
            }
            if (outcome instanceof Outcome.Failed f) {
                err.println((f.unavailable() ? "unavailable: " : "refused: ") + f.reason());
                err.println("  fix: " + (f.unavailable() ? "check " + at.at("tableau.server-url") + " and the network, then run again"
                        : "use a site administrator's personal access token on a site whose REST API has EAS registration (Cloud, or Server 2024.2+)"));
                err.flush();
                out.flush();
                return VizgateCommand.EXIT_REJECTED;
            }
            var saved = outcome instanceof Outcome.Created c ? c.registration() : outcome instanceof Outcome.Updated u ? u.registration()
                    : ((Outcome.Unchanged) outcome).registration();
            var verb = outcome instanceof Outcome.Created ? "registered" : outcome instanceof Outcome.Updated ? "updated" : "already registered";
            out.println(verb + ": " + saved.issuer() + saved.jwksUri().map(u -> " (JWKS " + u + ")").orElse("") + " as '" + saved.name() + "', id "
                    + saved.id().orElse("?"));
            out.flush();
            return VizgateCommand.EXIT_OK;
        }

        private EasRegistration registration(ConnectedApp app, TenantOption at) {
            if (app instanceof ConnectedApp.Eas eas) {
                return EasRegistration.draft(name(eas.issuer().value()), eas.issuer(), Optional.of(PublishJwks.jwksUri(eas.issuer())));
            }
            if (app instanceof ConnectedApp.IdpIssued idp) {
                // The IdP's JWKS is left for Tableau to discover from its metadata, which the IdP keeps current.
                return EasRegistration.draft(name(idp.issuer().value()), idp.issuer(), Optional.empty());
            }
            if (app instanceof ConnectedApp.Uat) {
                throw new ConfigError(at.at("tableau.connected-app.trust"), "unified access tokens are trusted through a UAT configuration in Tableau Cloud"
                        + " Manager, not a site's External Authorization Server", "create the UAT configuration there, naming this gateway's issuer and JWKS");
            }
            throw new ConfigError(at.at("tableau.connected-app.trust"), "direct trust has no External Authorization Server to register",
                    "set trust: eas (this gateway's keys) or trust: idp (the identity provider's)");
        }

        private String name(String issuer) {
            return name != null ? name : "Vizgate " + URI.create(issuer).getHost();
        }
    }
}
