package dev.vizgate.sdk;

import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.TokenIssueOutcome;

import java.net.URI;

/**
 * The narrowest way in, for the commonest need: Connected App JWTs for one Tableau site with direct trust, from the five
 * values the site and its connected app show (server, site, client id, secret id, secret), with Tableau's defaults
 * (5-minute tokens, {@code tableau:views:embed}). Everything else goes through {@link Vizgate#builder()}.
 *
 * <pre>{@code
 * try (var tokens = DirectTrustTokens.of(server, site, clientId, secretId, secret)) {
 *     SignedToken jwt = tokens.tokenFor(new Subject("alice@example.com")); // or TokenNotIssuedException, saying why
 * }
 * }</pre>
 */
public final class DirectTrustTokens implements AutoCloseable {
    private final Vizgate vizgate;
    private final IssueTableauToken tokens;

    private DirectTrustTokens(Vizgate vizgate) {
        this.vizgate = vizgate;
        this.tokens = vizgate.tableauTokens().orElseThrow(); // built from Tableau settings, so always there
    }

    /** @throws SettingsException when a value is not one Tableau could accept (a weak secret, a server that is not https) */
    public static DirectTrustTokens of(URI server, SiteContentUrl site, ClientId clientId, SecretId secretId, String secret) {
        return new DirectTrustTokens(Vizgate.builder().tableau(TableauSettings.of(server, site, ConnectedApp.Direct.of(clientId, secretId, secret))).build());
    }

    /** Every outcome, for a caller that branches on it. */
    public TokenIssueOutcome issue(TableauTokenRequest request) {
        return tokens.issue(request);
    }

    /** A token for {@code user} with the default scopes and lifetime; a refusal or failure is thrown, saying why. */
    public SignedToken tokenFor(Subject user) {
        return tokens.issue(TableauTokenRequest.forUser(user)).issued().token();
    }

    @Override
    public void close() {
        vizgate.close();
    }

    @Override
    public String toString() {
        return "DirectTrustTokens[" + vizgate + "]";
    }
}
