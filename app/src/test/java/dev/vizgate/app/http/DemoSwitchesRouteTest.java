package dev.vizgate.app.http;

import dev.vizgate.app.cli.Demo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's switches answer the session lifetime they set, and refuse a value that is not true or false. */
class DemoSwitchesRouteTest {
    static Demo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = Demo.start(0, Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        demo.close();
    }

    static HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(demo.gateway().baseUrl() + "/demo/switches"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shortSession_answersTheShortLifetime_andOffAnswersTheLongOne() throws Exception {
        assertThat(Gateway.JSON.readTree(post("{\"shortSession\":true,\"signInFails\":false}").body()).get("sessionSeconds").asLong())
                .isEqualTo(Demo.SHORT_SESSION.toSeconds());
        assertThat(Gateway.JSON.readTree(post("{\"shortSession\":false}").body()).get("sessionSeconds").asLong()).isEqualTo(7200);
    }

    @Test
    void givenANonBooleanSwitch_theRequestIsRefusedWithAProblem() throws Exception {
        var r = post("{\"shortSession\":\"yes\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("shortSession must be true or false");
    }
}
