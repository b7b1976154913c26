package dev.vizgate.app.http;

import java.util.Map;

/** The Tableau section these tests' gateways share (direct trust, a secret from the environment), and that environment. */
public final class DirectTrustSite {
    public static final String SECRET = "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2";
    public static final Map<String, String> ENV = Map.of("TABLEAU_SECRET", SECRET);
    public static final String TABLEAU = """
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
