package dev.vizgate.archfixture.adapters.store;

import io.jsonwebtoken.Jwts;

import java.net.http.HttpClient;

/** Seeded: jjwt and the HTTP client outside their modules. */
public class UsesJjwt {
    Object parser() {
        return Jwts.parser();
    }

    HttpClient client;
}
