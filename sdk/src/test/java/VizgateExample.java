import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.usecase.NextSessionOutcome;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.KeyMaterial;
import dev.vizgate.sdk.KeySpec;
import dev.vizgate.sdk.SalesforceConnection;
import dev.vizgate.sdk.SalesforceFlow;
import dev.vizgate.sdk.SettingsException;
import dev.vizgate.sdk.TableauNextSettings;
import dev.vizgate.sdk.TableauSettings;
import dev.vizgate.sdk.Vizgate;

import java.net.URI;
import java.nio.file.Path;

/** Signs one user into Tableau (a Connected App JWT) and Tableau Next (a frontdoor URL); prints each result or why not. */
public class VizgateExample {
    public static void main(String[] args) {
        var user = new Subject(args.length > 0 ? args[0] : "alice@demo.example");
        var tableau = TableauSettings.of(URI.create(env("TABLEAU_URL")), new SiteContentUrl(env("TABLEAU_SITE")),
                ConnectedApp.Direct.of(new ClientId(env("TABLEAU_CLIENT_ID")), new SecretId(env("TABLEAU_SECRET_ID")), env("TABLEAU_SECRET")));
        var tableauNext = new TableauNextSettings(
                SalesforceConnection.of(URI.create(env("SALESFORCE_URL")), new ClientId(env("SALESFORCE_CONSUMER_KEY"))),
                new SalesforceFlow.JwtBearer(new Audience("https://login.salesforce.com"),
                        KeySpec.of(KeyMaterial.PemFile.of(Path.of(env("SALESFORCE_KEY_FILE"))))));
        var failures = 0;
        try (var vizgate = Vizgate.builder().tableau(tableau).tableauNext(tableauNext).build()) {
            // A Connected App JWT for <tableau-viz token="…">: one per viz, used once.
            var token = vizgate.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(user));
            if (token instanceof TokenIssueOutcome.Issued issued) {
                System.out.println("token " + issued.token().value());
            } else if (token instanceof TokenIssueOutcome.Refused refused) {
                System.out.println("no token: " + refused.violations().get(0).message());
                failures++;
            } else if (token instanceof TokenIssueOutcome.Failed failed) {
                System.out.println("no token: " + failed.detail());
                failures++;
            }
            // A single-use frontdoor URL, the authCredential of Tableau Next's embedding SDK.
            var session = vizgate.tableauNextSessions().orElseThrow().open(user);
            if (session instanceof NextSessionOutcome.Opened opened) {
                System.out.println("frontdoor " + opened.frontdoorUrl().value());
            } else if (session instanceof NextSessionOutcome.Failed failed) {
                System.out.println("no frontdoor URL: " + failed.failure().detail());
                failures++;
            }
        } catch (SettingsException e) {
            System.out.println("settings: " + e.getMessage());
            failures++;
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static String env(String name) {
        var value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("set " + name + " (vizgate demo writes every one of them to example.env in its folder)");
        }
        return value;
    }
}
