package dev.vizgate.app.security;

import java.util.Map;

/** The Tableau section these tests' gateways share (direct trust, a secret from the environment), and that environment. */
final class DirectTrustSite {
    static final String SECRET = "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2";
    static final Map<String, String> ENV = Map.of("TABLEAU_SECRET", SECRET);
    static final String TABLEAU = """
            tableau:
              server-url: https://tableau.example.com
              site: mysite
              connected-app:
                client-id: "client-1"
                trust: direct
                secrets: [ { id: "secret-1", value: "${TABLEAU_SECRET}" } ]
            """;

    private DirectTrustSite() {
    }
}
