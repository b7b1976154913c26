package dev.vizgate.config;

import dev.vizgate.domain.model.Scope;
import dev.vizgate.domain.model.UatConfiguration;
import dev.vizgate.domain.usecase.PublishJwks;
import dev.vizgate.sdk.CloudManagerSettings;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.SecretSource;
import dev.vizgate.sdk.TableauSettings;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code vizgate uat register} writes and where: the UAT configuration this gateway's {@code trust: uat} needs
 * (its issuer, the JWKS the gateway publishes, the username claim, the sites from {@code uat.resource-ids} or
 * {@code uat.site-id}, the token policy's allowed scopes), and the Cloud Manager that holds it.
 */
public record UatRegistrationPlan(CloudManagerSettings cloudManager, SecretSource tokenSecret, UatConfiguration wanted) {
    private static final String AT = "tableau.cloud-manager";
    private static final String UAT = "tableau.connected-app.uat";

    public UatRegistrationPlan {
        Objects.requireNonNull(cloudManager, "cloudManager");
        Objects.requireNonNull(tokenSecret, "tokenSecret");
        Objects.requireNonNull(wanted, "wanted");
    }

    /** The plan for this Tableau section, which must be {@code trust: uat} with a {@code cloud-manager:}. */
    public static UatRegistrationPlan of(VizgateConfig.Tableau section, TableauSettings tableau, ConfigFiles files) {
        if (!(tableau.connectedApp() instanceof ConnectedApp.Uat uat)) {
            throw new ConfigError("tableau.connected-app.trust", "only trust: uat has a UAT configuration to register",
                    "set trust: uat, or use vizgate eas register for an EAS");
        }
        var cm = Check.required(section.cloudManager(), AT,
                "add cloud-manager: { personal-access-token: { name: vizgate-admin, secret: { env: CLOUD_MANAGER_PAT } } }");
        var pat = Check.required(cm.personalAccessToken(), AT + ".personal-access-token", "personal-access-token: { name: …, secret: … }");
        var secret = SecretText.source(AT + ".personal-access-token.secret", Check.required(pat.secret(),
                AT + ".personal-access-token.secret", "secret: { env: CLOUD_MANAGER_PAT } or { vault: \"secret/vizgate/cloud-manager\" }"), files);
        var url = cm.url() == null ? CloudManagerSettings.DEFAULT_URL : Check.upstream(AT + ".url", cm.url());
        var defaults = CloudManagerSettings.fieldReports(url);
        var timeout = Check.duration(AT + ".timeout", cm.timeout(), defaults.timeout());
        var settings = ConfigSettings.map(files, () -> new CloudManagerSettings(url, cm.loginPath() == null ? defaults.loginPath() : cm.loginPath(),
                cm.configurationsPath() == null ? defaults.configurationsPath() : cm.configurationsPath(),
                cm.sessionHeader() == null ? defaults.sessionHeader() : cm.sessionHeader(), timeout));
        var own = section.connectedApp().uat();
        var sites = own.resourceIds() != null ? own.resourceIds() : own.siteId() != null ? List.of(own.siteId()) : null;
        Check.required(sites, UAT + ".resource-ids", "list the LUIDs of the sites the UAT configuration may reach (or give uat.site-id)");
        var name = own.name() != null ? own.name() : "Vizgate " + URI.create(uat.issuer().value()).getHost();
        var scopes = tableau.token().allowedScopes().stream().map(Scope::value).sorted().toList();
        var wanted = Check.attempt(UAT, () -> UatConfiguration.draft(name, uat.issuer(), PublishJwks.jwksUri(uat.issuer()),
                uat.uat().usernameClaim(), sites, scopes), "name it with printable text");
        return new UatRegistrationPlan(settings, secret, wanted);
    }
}
