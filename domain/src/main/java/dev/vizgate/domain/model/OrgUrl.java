package dev.vizgate.domain.model;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The org's Lightning URL ({@code https://<mydomain>.lightning.force.com}) that the analytics embedding
 * SDK's {@code orgUrl} must be; the {@code my.salesforce.com} host does not work there (salesforce.md §3).
 */
public record OrgUrl(URI value) {
    private static final String MY_DOMAIN = ".my.salesforce.com";
    private static final String LIGHTNING = ".lightning.force.com";

    public OrgUrl {
        WebUrls.check(value, "org URL");
    }

    /**
     * Maps a My Domain instance to its Lightning host, keeping the sandbox and Developer Edition infixes
     * ({@code X--Sbx.sandbox.my.salesforce.com} → {@code X--Sbx.sandbox.lightning.force.com}), as sfdx-core's
     * {@code toLightningDomain} does. Empty for hosts with no documented Lightning form (configure it then).
     */
    public static Optional<OrgUrl> fromInstance(InstanceUrl instance) {
        var host = instance.host().toLowerCase(Locale.ROOT);
        if (Loopback.isLoopback(host)) {
            return Optional.of(new OrgUrl(origin(instance.value(), instance.host())));
        }
        if (host.endsWith(LIGHTNING)) {
            return Optional.of(new OrgUrl(URI.create("https://" + host)));
        }
        if (host.endsWith(MY_DOMAIN) && host.length() > MY_DOMAIN.length()) {
            var prefix = host.substring(0, host.length() - MY_DOMAIN.length());
            return Optional.of(new OrgUrl(URI.create("https://" + prefix + LIGHTNING)));
        }
        return Optional.empty();
    }

    private static URI origin(URI uri, String host) {
        return URI.create(uri.getScheme() + "://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
