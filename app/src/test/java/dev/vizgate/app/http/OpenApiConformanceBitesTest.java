package dev.vizgate.app.http;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The check the gateway's tests put every answer through fails on what the document does not declare: seeded answers
 * with an undeclared status, an undeclared problem member, a token answer without its token, and a method the path
 * does not take answered with anything but 405.
 */
class OpenApiConformanceBitesTest {
    record Seeded(int statusCode, String body, Map<String, List<String>> headerMap) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(headerMap, (a, b) -> true);
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return URI.create("http://127.0.0.1/");
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    static Seeded json(int status, String type, String body) {
        return new Seeded(status, body, Map.of("Content-Type", List.of(type)));
    }

    static final String PROBLEM = "{\"type\":\"urn:vizgate:problem:unauthenticated\",\"title\":\"t\",\"status\":401,\"detail\":\"d\"}";

    @Test
    void aDeclaredAnswer_passes() {
        OpenApiConformance.declared("POST", "/v1/tableau/token", json(401, "application/problem+json", PROBLEM));
        OpenApiConformance.declared("POST", "/v1/tableau/token", json(200, "application/json",
                "{\"token\":\"a.b.c\",\"expiresAt\":\"2026-01-01T00:00:00Z\",\"kid\":\"k\"}"));
    }

    @Test
    void anUndeclaredStatus_fails() {
        assertThatThrownBy(() -> OpenApiConformance.declared("POST", "/v1/tableau/token", json(418, "application/problem+json", PROBLEM)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("does not declare");
    }

    @Test
    void anUndeclaredProblemMember_fails() {
        assertThatThrownBy(() -> OpenApiConformance.declared("POST", "/v1/tableau/token", json(401, "application/problem+json",
                PROBLEM.replace("}", ",\"stackTrace\":\"at Foo\"}")))).isInstanceOf(AssertionError.class).hasMessageContaining("stackTrace");
    }

    @Test
    void aTokenAnswerWithoutItsToken_fails() {
        assertThatThrownBy(() -> OpenApiConformance.declared("POST", "/v1/tableau/token", json(200, "application/json", "{\"kid\":\"k\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("token");
    }

    @Test
    void aMethodThePathDoesNotTake_answeredOtherwiseThan405_fails() {
        assertThatThrownBy(() -> OpenApiConformance.declared("DELETE", "/v1/tableau/token", json(200, "application/json", "{}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("only 405");
    }
}
