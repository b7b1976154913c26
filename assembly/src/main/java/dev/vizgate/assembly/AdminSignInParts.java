package dev.vizgate.assembly;

import dev.vizgate.adapters.tableau.LeanHs256Signer;
import dev.vizgate.adapters.tableau.TableauAdminSession;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.port.TokenIds;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.SettingsException;
import dev.vizgate.sdk.TableauAdminSettings;
import dev.vizgate.sdk.TableauSettings;
import dev.vizgate.sdk.spi.Blueprint;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The administrator's REST sign-in credentials from {@link TableauAdminSettings}: a personal access token, or a UAT minted per sign-in. */
final class AdminSignInParts {
    private AdminSignInParts() {
    }

    static TableauAdminSession.Credentials credentials(TableauAdminSettings.SignIn signIn, TableauSettings site, Optional<TableauParts> tableau,
                                                       Blueprint.Swaps swaps, TokenIds ids, LiveSecrets live, Clock clock) {
        if (signIn instanceof TableauAdminSettings.PersonalAccessToken pat) {
            return new TableauAdminSession.PersonalAccessToken(pat.tokenName(), live.follow(Setting.of(SettingId.TABLEAU_ADMIN_TOKEN_SECRET),
                    pat.tokenSecret(), v -> Optional.empty(), "store the administrator's personal access token secret there").current().value());
        }
        var uat = (TableauAdminSettings.UnifiedAccessToken) signIn;
        var parts = tableau.filter(t -> t.trust() instanceof ConnectedAppTrust.UnifiedAccessTokens).orElseThrow(() -> new SettingsException(
                Setting.of(SettingId.TABLEAU_ADMIN_UAT), "REST sign-in with a unified access token needs the gateway to mint UATs",
                "set tableau.connected-app.trust: uat, or sign in with a personal access token"));
        // Its own policy: REST scopes, which the embed policy rightly does not allow a browser to ask for.
        var scopes = List.copyOf(uat.scopes());
        var policy = site.token().withScopes(uat.scopes(), new Scopes(scopes));
        var mint = new IssueTableauToken(parts.trustNow(), policy, parts.keys(), swaps.tableauSigner().orElseGet(LeanHs256Signer::new), ids, clock);
        var request = TableauTokenRequest.forUser(uat.user()).withScopes(new Scopes(scopes));
        return new TableauAdminSession.UnifiedAccessToken(uat.user().value(), () -> {
            var outcome = mint.issue(request);
            if (outcome instanceof TokenIssueOutcome.Issued issued) {
                return new TableauAdminSession.UnifiedAccessToken.Minted.Token(issued.token());
            }
            return new TableauAdminSession.UnifiedAccessToken.Minted.Refused(outcome instanceof TokenIssueOutcome.Refused r
                    ? r.violations().toString() : ((TokenIssueOutcome.Failed) outcome).detail());
        });
    }
}
