package dev.vizgate.app.cli;

import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigSettings;
import dev.vizgate.config.DurationText;
import dev.vizgate.domain.model.AttributeValue;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.Vizgate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Prints one Connected App JWT for a user on stdout, for <tableau-viz token=…> or REST sign-in.",
                "Exit 0 with the token; 1 when the policy refuses the request (the reasons go to stderr)."})
final class TokenCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    VizgateCommand root;

    @Mixin
    ConfigOption config;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "The Tableau username (sub); case-sensitive.")
    String user;

    @Option(names = "--scope", paramLabel = "SCOPE", description = "A scope such as tableau:views:embed; repeat for more. Default: the configured scopes.")
    List<String> scopes = new ArrayList<>();

    @Option(names = "--attr", paramLabel = "NAME=VALUE", description = "A user attribute; repeat a NAME for several values.")
    List<String> attributes = new ArrayList<>();

    @Mixin
    TenantOption tenant;

    @Option(names = "--lifetime", paramLabel = "DURATION", description = "Token lifetime, e.g. 5m (at most the configured maximum minus the skew).")
    String lifetime;

    @Override
    public Integer call() {
        var context = root.context();
        var loaded = config.load(context, "tableau", "tenants", "secret-stores", "secret-refresh");
        var settings = tenant.tableau(loaded);
        if (settings.connectedApp() instanceof ConnectedApp.IdpIssued) {
            throw new ConfigError("tableau.connected-app.trust", "with trust: idp the identity provider issues the tokens,"
                    + " in exchange for a signed-in user's own token, so the CLI has none to mint",
                    "call the gateway's POST /v1/tableau/token with the user's identity-provider token, and check the result with vizgate inspect --target tableau-eas");
        }
        var request = TableauTokenRequest.forUser(Cli.parse("--user", () -> new Subject(user)));
        if (!scopes.isEmpty()) {
            request = request.withScopes(Cli.parse("--scope", () -> Scopes.parse(scopes)));
        }
        if (!attributes.isEmpty()) {
            request = request.withAttributes(Cli.parse("--attr", this::attributes));
        }
        if (lifetime != null) {
            var d = DurationText.parse(lifetime).orElseThrow(() -> new CommandLine.ParameterException(root.spec.commandLine(),
                    "--lifetime '" + lifetime + "' is not a duration; write e.g. 5m or 300s"));
            request = request.withLifetime(d);
        }
        TokenIssueOutcome outcome;
        try (var vizgate = ConfigSettings.build(loaded.files(), ConfigSettings.withSecretStores(Vizgate.builder(), loaded.config(), loaded.files()).clock(context.clock()).tableau(settings))) {
            outcome = vizgate.tableauTokens().orElseThrow().issue(request);
        }
        var out = root.spec.commandLine().getOut();
        var err = root.spec.commandLine().getErr();
        if (outcome instanceof TokenIssueOutcome.Issued issued) {
            out.println(issued.token().value());
            out.flush();
            return VizgateCommand.EXIT_OK;
        }
        if (outcome instanceof TokenIssueOutcome.Refused refused) {
            refused.violations().forEach(v -> err.println("refused: " + v));
            err.println("  fix: change the request, or the policy under tableau.token in the config");
        } else {
            err.println("failed: " + ((TokenIssueOutcome.Failed) outcome).detail());
        }
        err.flush();
        return VizgateCommand.EXIT_REJECTED;
    }

    private UserAttributes attributes() {
        var grouped = new LinkedHashMap<String, List<String>>();
        for (var a : attributes) {
            var eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--attr '" + a + "' is not NAME=VALUE");
            }
            grouped.computeIfAbsent(a.substring(0, eq), k -> new ArrayList<>()).add(a.substring(eq + 1));
        }
        var values = new LinkedHashMap<String, AttributeValue>();
        grouped.forEach((k, v) -> values.put(k, v.size() == 1 ? AttributeValue.of(v.get(0)) : AttributeValue.of(v)));
        return new UserAttributes(values);
    }
}
