package dev.vizgate.sdk;

import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.policy.BearerAssertionPolicy;
import dev.vizgate.domain.policy.HostPolicy;

import java.util.Objects;

/**
 * Tableau Next through Salesforce: the External Client App's connection and the flow that gets its tokens. Settings
 * that cannot work together are refused with a {@link SettingsException} naming the setting to change.
 */
public record TableauNextSettings(SalesforceConnection connection, SalesforceFlow flow) {
    public TableauNextSettings {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(flow, "flow");
        if (flow instanceof SalesforceFlow.ClientCredentials) {
            if (!HostPolicy.isMyDomain(connection.tokenUrl())) {
                throw new SettingsException(Setting.of(SettingId.SALESFORCE_TOKEN_URL), "client credentials work only on a My Domain host, not "
                        + connection.tokenUrl().getHost() + " (Salesforce answers \"request not supported on this domain\")",
                        "use the org's My Domain, https://<mydomain>.my.salesforce.com");
            }
            if (connection.clientSecret().isEmpty()) {
                throw new SettingsException(Setting.of(SettingId.SALESFORCE_CLIENT_SECRET), "client credentials need the consumer secret",
                        "give the External Client App's consumer secret");
            }
        }
        if (flow instanceof SalesforceFlow.WebServer && connection.redirectUri().isEmpty()) {
            throw new SettingsException(Setting.of(SettingId.SALESFORCE_REDIRECT_URI), "the web-server flow needs the callback URL registered on the app",
                    "register https://<gateway>/v1/tableau-next/callback on the app and give it here");
        }
        if (flow instanceof SalesforceFlow.JwtBearer j) {
            try {
                new BearerAssertionPolicy(connection.consumerKey(), j.audience());
            } catch (IllegalArgumentException e) {
                throw new SettingsException(Setting.of(SettingId.SALESFORCE_AUDIENCE), e.getMessage(),
                        "use the org's My Domain URL, e.g. https://acme.my.salesforce.com (External Client Apps refuse login.salesforce.com and"
                                + " test.salesforce.com, field reports say; an existing connected app accepts them), or an Experience Cloud URL");
            }
        }
    }
}
