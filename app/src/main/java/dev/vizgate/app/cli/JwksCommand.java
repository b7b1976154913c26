package dev.vizgate.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigSettings;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.Vizgate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

import java.util.concurrent.Callable;

@Command(name = "jwks", mixinStandardHelpOptions = true,
        description = {"Prints the JWKS document Tableau fetches for OAuth 2.0 trust (EAS).", "It holds every configured public key and no private part."})
final class JwksCommand implements Callable<Integer> {
    /** Made when first used: picocli builds every command at start, and --help must not start Jackson. */
    private static final class Json {
        static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @CommandLine.ParentCommand
    VizgateCommand root;

    @Mixin
    ConfigOption config;

    @Mixin
    TenantOption tenant;

    @Override
    public Integer call() throws Exception {
        var loaded = config.load(root.context(), "tableau", "tenants", "secret-stores", "secret-refresh");
        var settings = tenant.tableau(loaded);
        if (!(settings.connectedApp() instanceof ConnectedApp.Eas) && !(settings.connectedApp() instanceof ConnectedApp.Uat)) {
            throw new ConfigError(tenant.at("tableau.connected-app.trust"), "direct trust publishes no keys (its secret is shared, never published)",
                    "set trust: eas or uat with signing-keys to publish a JWKS");
        }
        var out = root.spec.commandLine().getOut();
        try (var vizgate = ConfigSettings.build(loaded.files(), ConfigSettings.withSecretStores(Vizgate.builder(), loaded.config(), loaded.files()).clock(root.context().clock()).tableau(settings))) {
            out.println(Json.PRETTY.writeValueAsString(vizgate.jwks().orElseThrow().publish()));
        }
        out.flush();
        return VizgateCommand.EXIT_OK;
    }
}
