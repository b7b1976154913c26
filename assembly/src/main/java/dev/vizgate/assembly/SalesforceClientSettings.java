package dev.vizgate.assembly;

import dev.vizgate.adapters.salesforce.SalesforceSettings;
import dev.vizgate.sdk.SalesforceConnection;

import java.util.Optional;

/** The Salesforce client's settings from the sdk's connection settings. */
final class SalesforceClientSettings {
    private SalesforceClientSettings() {
    }

    /** With the consumer secret as read (once, at start-up). */
    static SalesforceSettings of(SalesforceConnection connection, Optional<String> resolvedSecret) {
        return new SalesforceSettings(connection.tokenUrl(), connection.consumerKey(), resolvedSecret, connection.redirectUri(),
                connection.sessionTtl(), connection.hosts(), connection.limits().resilience());
    }
}
