package dev.vizgate.app.cli;

import dev.vizgate.config.DurationText;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.usecase.InspectToken;
import dev.vizgate.sdk.Inspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Says, rule by rule, what Tableau (or Salesforce) would make of a token, trusting nothing in it.",
                "Exit 0 if acceptable, 1 if a documented rule is broken."})
final class InspectCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    VizgateCommand root;

    @Option(names = "--target", defaultValue = "tableau", paramLabel = "tableau|tableau-eas|tableau-uat|salesforce",
            description = "Whose rules to apply: tableau (a Connected App JWT), tableau-eas (an OAuth 2.0 trust token, e.g. from your IdP,"
                    + " which needs kid, an RS/PS/ES alg, an https iss, sub, aud \"tableau\" or \"tableau:<site-luid>\", exp, jti and scp),"
                    + " tableau-uat (a Tableau Cloud unified access token: kid, an RS/PS/ES alg, iss, https://tableau.com/tenantId, the username"
                    + " claim, exp, jti and scp; no aud, no sub), or salesforce (a JWT bearer assertion). Default: ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--username-claim", defaultValue = "email", paramLabel = "CLAIM",
            description = "With --target tableau-uat: the claim the UAT configuration reads the username from. Default: ${DEFAULT-VALUE}.")
    String usernameClaim;

    @Option(names = "--max-lifetime", paramLabel = "DURATION",
            description = "Tableau Server's configured maximum token lifetime, if not the default 10m.")
    String maxLifetime;

    @Parameters(paramLabel = "TOKEN|-", description = "The token, or - to read it from standard input.")
    String token;

    /** The decoder's own bound: far above any real token. */
    static final int MAX_INPUT = Inspection.MAX_TOKEN_LENGTH;

    @Override
    public Integer call() throws IOException {
        var t = switch (target) {
            case "tableau" -> InspectToken.Target.TABLEAU;
            case "tableau-eas" -> InspectToken.Target.TABLEAU_EAS;
            case "tableau-uat" -> InspectToken.Target.TABLEAU_UAT;
            case "salesforce" -> InspectToken.Target.SALESFORCE;
            default -> throw new Cli.UsageError("--target must be tableau, tableau-eas, tableau-uat or salesforce, not " + target);
        };
        var max = maxLifetime == null ? TableauTokenPolicy.TABLEAU_MAX_LIFETIME
                : DurationText.parse(maxLifetime).orElseThrow(() -> new Cli.UsageError("--max-lifetime '" + maxLifetime + "' is not a duration"));
        // One byte past the cap is read so that an over-long input is reported as such, never cut and then judged.
        var text = "-".equals(token) ? new String(root.context().stdin().readNBytes(MAX_INPUT + 1), StandardCharsets.UTF_8) : token;
        var out = root.spec.commandLine().getOut();
        if (text.isBlank()) {
            // Nothing to judge is not a token that breaks a rule: say what was missing.
            throw new Cli.UsageError("-".equals(token) ? "no token on standard input (pipe one in, e.g. vizgate token … | vizgate inspect -)"
                    : "the token is empty");
        }
        if (text.strip().length() > MAX_INPUT) {
            out.println("FAIL  structure: the input is longer than " + MAX_INPUT + " characters; no Tableau or Salesforce token is that long,"
                    + " so it was not judged");
            out.println("rejected: the input is too long");
            out.flush();
            return VizgateCommand.EXIT_REJECTED;
        }
        var report = Inspection.inspector(max, root.context().clock()).inspect(new UntrustedToken(text.strip()), t, usernameClaim);
        report.findings().forEach(out::println);
        out.println(report.acceptable()
                ? "acceptable: no documented " + target + " rule is broken (the signature was not checked)"
                : "rejected: " + report.failures().size() + " documented rule(s) broken");
        out.flush();
        return report.acceptable() ? VizgateCommand.EXIT_OK : VizgateCommand.EXIT_REJECTED;
    }
}
