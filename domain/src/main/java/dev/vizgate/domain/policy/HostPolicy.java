package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Loopback;
import dev.vizgate.domain.model.Text;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.HashSet;

/**
 * Which hosts may receive an access token ({@code instance_url}) or be handed to a browser
 * ({@code frontdoor_uri}); salesforce.md §6. An entry starting with a dot is a suffix matched on a label
 * boundary ({@code .salesforce.com} admits {@code x.my.salesforce.com}, never
 * {@code salesforce.com.evil.example} or {@code evilsalesforce.com}); any other entry is an exact host.
 * HTTPS only, on the default port; plain HTTP only on loopback, and loopback only when enabled (for local
 * stand-ins: a production gateway must not send a token to its own machine because a response said so).
 */
public record HostPolicy(Set<String> allowedHosts, boolean loopbackAllowed) {
    /**
     * Salesforce's own suffixes (salesforce.md §6). Wide: every customer's My Domain is under {@code .salesforce.com}, and
     * anyone's Experience Cloud site under {@code .force.com} or {@code .site.com}, so an answer naming another org's host
     * would pass. An explicit choice ({@code allowed-hosts}) that doctor warns about; the default is {@link #forOrg}.
     */
    public static final List<String> SALESFORCE_HOSTS = List.of(".salesforce.com", ".force.com", ".site.com");

    /** Salesforce's shared login hosts: the token response's identity URL ({@code id}) names one; no customer hosts under them. */
    public static final List<String> SALESFORCE_LOGIN_HOSTS = List.of("login.salesforce.com", "test.salesforce.com");

    private static final String MY_DOMAIN = ".my.salesforce.com";

    /**
     * The configured org's own hosts, from its token URL: a My Domain ({@code X.my.salesforce.com}, with its
     * {@code sandbox.}/{@code develop.} forms) gives that host and its Lightning host ({@code X.lightning.force.com},
     * salesforce.md §3 and §6); an Experience Cloud site gives itself; either adds Salesforce's login hosts for the identity
     * URL. A loopback token URL (a local stand-in) allows loopback. A shared login host ({@code login.salesforce.com},
     * {@code test.salesforce.com}) says nothing about which org answers: empty, and the hosts must be named.
     */
    public static Optional<HostPolicy> forOrg(URI tokenUrl) {
        if (tokenUrl == null || tokenUrl.getHost() == null) {
            return Optional.empty();
        }
        var host = tokenUrl.getHost().toLowerCase(Locale.ROOT);
        if (Loopback.isLoopback(host)) {
            return Optional.of(new HostPolicy(Set.copyOf(SALESFORCE_LOGIN_HOSTS), true));
        }
        var hosts = new HashSet<>(SALESFORCE_LOGIN_HOSTS);
        if (host.endsWith(MY_DOMAIN) && host.length() > MY_DOMAIN.length()) {
            hosts.add(host);
            hosts.add(host.substring(0, host.length() - MY_DOMAIN.length()) + ".lightning.force.com");
            return Optional.of(new HostPolicy(hosts, false));
        }
        if (host.endsWith(".my.site.com") && host.length() > ".my.site.com".length()) {
            hosts.add(host);
            return Optional.of(new HostPolicy(hosts, false));
        }
        return Optional.empty();
    }

    /** Whether this policy admits whole suffixes that other Salesforce customers can host under (doctor warns). */
    public boolean admitsOtherOrgs() {
        return allowedHosts.stream().anyMatch(h -> h.startsWith(".") && (h.endsWith(".salesforce.com") || h.equals(".salesforce.com")
                || h.endsWith("force.com") || h.endsWith("site.com") || h.endsWith(".salesforce-sites.com")));
    }

    public HostPolicy {
        Objects.requireNonNull(allowedHosts, "allowed hosts");
        allowedHosts = Set.copyOf(allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        for (var entry : allowedHosts) {
            Text.token(entry, "allowed host", 253);
            var bare = entry.startsWith(".") ? entry.substring(1) : entry;
            if (bare.isEmpty() || bare.startsWith(".") || bare.endsWith(".") || bare.contains("..") || bare.contains("/")
                    || bare.contains(":") || bare.contains("*")) {
                throw new IllegalArgumentException("allowed host " + Text.quote(entry)
                        + " is not a host name or a .suffix (e.g. login.example.com or .salesforce.com)");
            }
            if (entry.startsWith(".") && !bare.contains(".")) {
                throw new IllegalArgumentException("allowed host suffix " + Text.quote(entry)
                        + " is a whole top-level domain; name a registered domain such as .salesforce.com");
            }
        }
    }

    /**
     * A My Domain login host ({@code X.my.salesforce.com}, including the {@code sandbox.} and {@code develop.}
     * forms): the only kind the client credentials flow works on; login/test answer {@code invalid_grant},
     * "request not supported on this domain" (salesforce.md §2). Loopback counts, for local stand-ins.
     */
    public static boolean isMyDomain(URI url) {
        if (url == null || url.getHost() == null) {
            return false;
        }
        var host = url.getHost().toLowerCase(Locale.ROOT);
        return Loopback.isLoopback(host) || (host.endsWith(".my.salesforce.com") && host.length() > ".my.salesforce.com".length());
    }

    public static HostPolicy salesforce() {
        return new HostPolicy(Set.copyOf(SALESFORCE_HOSTS), false);
    }

    public HostPolicy withLoopback(boolean allowed) {
        return new HostPolicy(allowedHosts, allowed);
    }

    public HostDecision check(URI url) {
        if (url == null || !url.isAbsolute() || url.isOpaque()) {
            return new HostDecision.Refused("not an absolute URL");
        }
        if (url.getRawUserInfo() != null) {
            return new HostDecision.Refused("a URL with user info is refused");
        }
        var host = url.getHost();
        if (host == null) {
            return new HostDecision.Refused("the URL has no host name");
        }
        host = host.toLowerCase(Locale.ROOT);
        var scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (Loopback.isLoopback(host)) {
            if (!loopbackAllowed) {
                return new HostDecision.Refused("loopback host " + host + " is only allowed for local stand-ins");
            }
            return scheme.equals("http") || scheme.equals("https")
                    ? HostDecision.ALLOWED : new HostDecision.Refused("scheme " + scheme + " is not http(s)");
        }
        if (!scheme.equals("https")) {
            return new HostDecision.Refused("host " + host + " must be reached over https, not " + scheme);
        }
        if (url.getPort() != -1 && url.getPort() != 443) {
            return new HostDecision.Refused("host " + host + " must be on the https default port, not " + url.getPort());
        }
        for (var entry : allowedHosts) {
            if (entry.startsWith(".") ? host.endsWith(entry) : host.equals(entry)) {
                return HostDecision.ALLOWED;
            }
        }
        return new HostDecision.Refused("host " + host + " is not among the allowed hosts " + allowedHosts.stream().sorted().toList());
    }
}
