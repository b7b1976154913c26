package dev.vizgate.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigSettings;
import dev.vizgate.config.SettingPaths;
import dev.vizgate.domain.model.OrgUrl;
import dev.vizgate.domain.model.SessionUser;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.usecase.NextSessionOutcome;
import dev.vizgate.sdk.Vizgate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;

@Command(name = "frontdoor", mixinStandardHelpOptions = true,
        description = {"Prints a single-use Salesforce frontdoor URL for a user, for Tableau Next's embedding SDK.",
                "The URL goes to the SDK's authCredential (with --json, beside the orgUrl it needs).",
                "With tenants: configured, --tenant names whose org and External Client App to use.",
                "With flow: token-exchange, --subject-token - reads the user's identity-provider token from standard input.",
                "The URL signs the browser in once and expires quickly; do not store or log it."})
final class FrontdoorCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    VizgateCommand root;

    @Mixin
    ConfigOption config;

    @Mixin
    TenantOption tenant;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "The Salesforce username (sub of the assertion).")
    String user;

    @Option(names = "--subject-token", paramLabel = "-", description = "'-': read the user's identity-provider token from standard input"
            + " (flow: token-exchange); a token never goes on the command line, where ps shows it.")
    String subjectToken;

    @Option(names = "--json", description = "Print {\"frontdoorUrl\",\"orgUrl\"} instead of the bare URL.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var context = root.context();
        var loaded = config.load(context, "salesforce", "store", "tenants", "secret-stores", "secret-refresh");
        var subject = Cli.parse("--user", () -> new Subject(user));
        var sessionUser = subjectToken == null ? SessionUser.of(subject) : SessionUser.provenBy(subject, idpToken());
        var builder = ConfigSettings.withSecretStores(Vizgate.builder().clock(context.clock()), loaded.config(), loaded.files())
                .tableauNext(tenant.tableauNext(loaded)).store(ConfigSettings.store(loaded.config(), loaded.files()));
        NextSessionOutcome outcome;
        try (var vizgate = ConfigSettings.build(loaded.files(), builder)) {
            var sessions = vizgate.tableauNextSessions().orElseThrow();
            if (vizgate.webServerFlow().isPresent()) {
                throw new ConfigError("salesforce.flow", "the web-server flow signs users in through their browser",
                        "use the gateway's /v1/tableau-next/authorize, or flow: jwt-bearer for server-to-server");
            }
            outcome = sessions.open(sessionUser);
        }
        var out = root.spec.commandLine().getOut();
        var err = root.spec.commandLine().getErr();
        if (outcome instanceof NextSessionOutcome.Opened opened) {
            if (json) {
                var body = new LinkedHashMap<String, String>();
                body.put("frontdoorUrl", opened.frontdoorUrl().value().toString());
                body.put("orgUrl", opened.orgUrl().map(OrgUrl::toString).orElse(null));
                out.println(new ObjectMapper().writeValueAsString(body));
            } else {
                out.println(opened.frontdoorUrl().value());
            }
            out.flush();
            return VizgateCommand.EXIT_OK;
        }
        var failure = ((NextSessionOutcome.Failed) outcome).failure();
        err.println("failed: " + failure.kind() + failure.error().map(e -> " " + e).orElse("")
                + failure.description().map(d -> " (" + d + ")").orElse(""));
        err.println("  fix: " + SettingPaths.spelledOut(failure.detail()));
        err.flush();
        return VizgateCommand.EXIT_REJECTED;
    }

    private UntrustedToken idpToken() throws IOException {
        if (!"-".equals(subjectToken)) {
            throw new Cli.UsageError("--subject-token takes '-' and reads the token from standard input (e.g. --subject-token - < token.txt)");
        }
        var text = new String(root.context().stdin().readNBytes(UntrustedToken.DEFAULT_MAX_LENGTH + 1), StandardCharsets.UTF_8).strip();
        if (text.isEmpty() || text.length() > UntrustedToken.DEFAULT_MAX_LENGTH) {
            throw new Cli.UsageError(text.isEmpty() ? "no token on standard input (pipe the user's identity-provider token in)"
                    : "the token on standard input is longer than " + UntrustedToken.DEFAULT_MAX_LENGTH + " characters");
        }
        return new UntrustedToken(text);
    }
}
