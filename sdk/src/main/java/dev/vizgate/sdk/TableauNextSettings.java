package dev.vizgate.sdk;

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
                throw new SettingsException("salesforce.token-url", "client credentials work only on a My Domain host, not "
                        + connection.tokenUrl().getHost() + " (Salesforce answers \"request not supported on this domain\")",
                        "set token-url to https://<mydomain>.my.salesforce.com");
            }
            if (connection.clientSecret().isEmpty()) {
                throw new SettingsException("salesforce.client-secret", "client credentials need the consumer secret",
                        "set client-secret: \"${SF_CLIENT_SECRET}\"");
            }
        }
        if (flow instanceof SalesforceFlow.WebServer && connection.redirectUri().isEmpty()) {
            throw new SettingsException("salesforce.redirect-uri", "the web-server flow needs the callback URL registered on the app",
                    "set redirect-uri to https://<gateway>/v1/tableau-next/callback");
        }
        if (flow instanceof SalesforceFlow.JwtBearer j) {
            try {
                new BearerAssertionPolicy(connection.consumerKey(), j.audience());
            } catch (IllegalArgumentException e) {
                throw new SettingsException("salesforce.audience", e.getMessage(),
                        "use https://login.salesforce.com, https://test.salesforce.com, or your My Domain / Experience Cloud URL");
            }
        }
    }
}
