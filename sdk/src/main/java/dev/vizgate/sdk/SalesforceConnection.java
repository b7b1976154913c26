package dev.vizgate.sdk;

import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.policy.HostPolicy;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom Vizgate talks to Salesforce. {@code tokenUrl} is the login host of the token endpoint (login,
 * test, My Domain or an Experience Cloud site); {@code hosts} are the hosts an answer may send us to; a session is
 * assumed to last {@code sessionTtl}. The consumer secret is never printed.
 */
public record SalesforceConnection(URI tokenUrl, ClientId consumerKey, Optional<SecretSource> clientSecret, Optional<URI> redirectUri,
                                   Duration sessionTtl, HostPolicy hosts, CallLimits limits) {
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofMinutes(30);

    public SalesforceConnection {
        UpstreamUrl.check(tokenUrl, "the Salesforce token URL");
        Objects.requireNonNull(consumerKey, "consumerKey");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(redirectUri, "redirectUri");
        redirectUri.ifPresent(u -> UpstreamUrl.check(u, "the redirect URI"));
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        if (sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException("the session TTL must be positive");
        }
    }

    /**
     * The org's own hosts ({@link HostPolicy#forOrg}: a My Domain token URL and its Lightning host, and loopback when the
     * token URL is a local stand-in), the default call limits. A shared login host (login/test.salesforce.com) does not
     * say which org answers, so the hosts must then be named ({@link #of(URI, ClientId, HostPolicy)}).
     */
    public static SalesforceConnection of(URI tokenUrl, ClientId consumerKey) {
        var hosts = HostPolicy.forOrg(tokenUrl).orElseThrow(() -> new SettingsException(Setting.of(SettingId.SALESFORCE_ALLOWED_HOSTS),
                "the token URL " + tokenUrl + " is not a My Domain (or Experience Cloud) host, so the org's own hosts, where its access tokens may be sent, are unknown",
                "use the org's My Domain URL as token URL (https://acme.my.salesforce.com), or name its hosts"));
        return of(tokenUrl, consumerKey, hosts);
    }

    /** With the hosts answers may name: the org's own, or (explicitly) wider Salesforce suffixes. */
    public static SalesforceConnection of(URI tokenUrl, ClientId consumerKey, HostPolicy hosts) {
        return new SalesforceConnection(tokenUrl, consumerKey, Optional.empty(), Optional.empty(), DEFAULT_SESSION_TTL, hosts, CallLimits.defaults());
    }

    public SalesforceConnection withClientSecret(String secret) {
        return withClientSecret(new SecretSource.Value(secret));
    }

    /** The consumer secret, given or kept in a secret store (read at start-up). */
    public SalesforceConnection withClientSecret(SecretSource secret) {
        return new SalesforceConnection(tokenUrl, consumerKey, Optional.of(secret), redirectUri, sessionTtl, hosts, limits);
    }

    public SalesforceConnection withRedirectUri(URI uri) {
        return new SalesforceConnection(tokenUrl, consumerKey, clientSecret, Optional.of(uri), sessionTtl, hosts, limits);
    }

    @Override
    public String toString() {
        return "SalesforceConnection[" + tokenUrl + ", consumerKey=" + consumerKey + ", clientSecret="
                + (clientSecret.isPresent() ? "redacted" : "none") + ", sessionTtl=" + sessionTtl + "]";
    }
}
