package dev.vizgate.sdk;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.usecase.NextSessionOutcome;
import dev.vizgate.domain.usecase.TokenIssueOutcome;

import java.net.URI;
import java.nio.file.Path;

/**
 * The README's Java example, verbatim between the markers ({@link ReadmeExampleTest} compares them). Run as a
 * program by {@link SdkAloneTest} on the sdk's runtime classpath alone: args are the Tableau URL, the Salesforce
 * token URL and the assertion key file; the Connected App secret comes from the environment.
 */
public final class ReadmeExample {
    private ReadmeExample() {
    }

    public static void main(String[] args) {
        var tableauUrl = args[0];
        var salesforceUrl = args[1];
        var keyFile = args[2];
        // readme:start
        var tableau = TableauSettings.of(URI.create(tableauUrl), new SiteContentUrl("acme"),
                ConnectedApp.Direct.of(new ClientId("6f1c2e7a-client"), new SecretId("9d4e-secret-id"), System.getenv("TABLEAU_SECRET")));
        var tableauNext = new TableauNextSettings(SalesforceConnection.of(URI.create(salesforceUrl), new ClientId("3MVG9consumer")),
                new SalesforceFlow.JwtBearer(new Audience("https://login.salesforce.com"), KeySpec.of(KeyMaterial.PemFile.of(Path.of(keyFile)))));

        try (var vizgate = Vizgate.builder().tableau(tableau).tableauNext(tableauNext).build()) {
            var alice = new Subject("alice@acme.com");
            // A Connected App JWT for <tableau-viz token="…">
            if (vizgate.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(alice)) instanceof TokenIssueOutcome.Issued issued) {
                System.out.println("token " + issued.token().value());
            }
            // A single-use frontdoor URL, the authCredential of Tableau Next's embedding SDK
            if (vizgate.tableauNextSessions().orElseThrow().open(alice) instanceof NextSessionOutcome.Opened opened) {
                System.out.println("frontdoor " + opened.frontdoorUrl().value());
            }
        }
        // readme:end
    }
}
