package dev.vizgate.archfixture.adapters.store;

/** Seeded: jjwt and the HTTP client outside their modules. */
public class UsesJjwt {
    Object parser() {
        return io.jsonwebtoken.Jwts.parser();
    }

    java.net.http.HttpClient client;
}
