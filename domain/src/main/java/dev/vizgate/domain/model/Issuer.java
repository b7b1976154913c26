package dev.vizgate.domain.model;

import java.net.URI;
import java.net.URISyntaxException;

/** A token's {@code iss}: a client id (direct trust), a consumer key (Salesforce) or an HTTPS URI (EAS). */
public record Issuer(String value) {
    public Issuer {
        Text.token(value, "issuer", 2048);
    }

    /** EAS wants a unique HTTPS issuer URI (Tableau's EAS claims table). */
    public boolean isHttpsUri() {
        try {
            var uri = new URI(value);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
