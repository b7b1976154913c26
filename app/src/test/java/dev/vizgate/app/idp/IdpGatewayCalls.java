package dev.vizgate.app.idp;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** What the Keycloak ITs do over HTTP: ask a gateway for a Tableau token, and load a view with it on the Tableau stand-in. */
final class IdpGatewayCalls {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private IdpGatewayCalls() {
    }

    static HttpResponse<String> token(int gatewayPort, String bearer, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/v1/tableau/token"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The embed URL the Embedding API v3 library loads with a token, on site "mysite". */
    static HttpResponse<String> embed(URI tableau, String tableauToken) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(tableau + "/vizportal/api/web/v1/auth/embed/target?token="
                + URLEncoder.encode(tableauToken, StandardCharsets.UTF_8) + "&target=%2Ft%2Fmysite%2Fviews%2FSales")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
