import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.usecase.SessionNotOpenedException;
import dev.vizgate.domain.usecase.TokenNotIssuedException;
import dev.vizgate.sdk.DirectTrustTokens;
import dev.vizgate.sdk.JwtBearerFrontdoors;
import dev.vizgate.sdk.KeyMaterial;
import dev.vizgate.sdk.KeySpec;
import dev.vizgate.sdk.SettingsException;

import java.net.URI;
import java.nio.file.Path;

/** Signs one user into Tableau (a Connected App JWT) and Tableau Next (a frontdoor URL); prints each result or why not. */
public class VizgateExample {
    public static void main(String[] args) {
        var user = new Subject(args.length > 0 ? args[0] : "alice@demo.example");
        var failures = 0;
        // A Connected App JWT for <tableau-viz token="…">: one per viz, used once.
        try (var tokens = DirectTrustTokens.of(URI.create(env("TABLEAU_URL")), new SiteContentUrl(env("TABLEAU_SITE")),
                new ClientId(env("TABLEAU_CLIENT_ID")), new SecretId(env("TABLEAU_SECRET_ID")), env("TABLEAU_SECRET"))) {
            System.out.println("token " + tokens.tokenFor(user).value());
        } catch (TokenNotIssuedException | SettingsException e) {
            System.out.println(e.getMessage());
            failures++;
        }
        // A single-use frontdoor URL, the authCredential of Tableau Next's embedding SDK.
        try (var frontdoors = JwtBearerFrontdoors.of(URI.create(env("SALESFORCE_URL")), new ClientId(env("SALESFORCE_CONSUMER_KEY")),
                new Audience(env("SALESFORCE_URL")), KeySpec.of(KeyMaterial.PemFile.of(Path.of(env("SALESFORCE_KEY_FILE")))))) {
            System.out.println("frontdoor " + frontdoors.frontdoorFor(user).value());
        } catch (SessionNotOpenedException | SettingsException e) {
            System.out.println(e.getMessage());
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
