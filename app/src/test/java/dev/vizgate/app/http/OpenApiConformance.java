package dev.vizgate.app.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds a real answer of the gateway to the document it serves, {@code openapi.yaml}, through a maintained OpenAPI
 * validator (Atlassian's swagger-request-validator): a status, a content type, a body or a declared header the document
 * does not describe fails the test that saw it. A path the document does not name may only be answered 404 or 405.
 */
final class OpenApiConformance {
    private static final String DOCUMENT = new String(OpenApi.document(), StandardCharsets.UTF_8);
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createForInlineApiSpecification(DOCUMENT).build();
    /** For HEAD: GET's status and headers, and by RFC 9110 no content, so the missing body is the one thing not judged. */
    private static final OpenApiInteractionValidator HEAD_VALIDATOR = OpenApiInteractionValidator.createForInlineApiSpecification(DOCUMENT)
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.response.body.missing", ValidationReport.Level.IGNORE).build()).build();
    private static final Set<String> PATHS = Gateway.ROUTES.keySet();

    private OpenApiConformance() {
    }

    /** Fails unless the answer to {@code method path} is one the document declares. */
    static <T> HttpResponse<T> declared(String method, String path, HttpResponse<T> response, String body) {
        var sent = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        var bare = TenantPaths.split(sent).map(TenantPaths.Split::template).orElse(sent); // the document's templated path
        if (!PATHS.contains(bare)) {
            assertThat(response.statusCode()).as(method + " " + bare + " is not in the document, so only 404 or 405 may answer it").isIn(404, 405);
            return response;
        }
        var head = "HEAD".equals(method);
        var operation = head ? "GET" : method;
        if (!Gateway.ROUTES.get(bare).contains(operation) && !("OPTIONS".equals(method) && Cors.BROWSER_ROUTES.contains(bare))) {
            assertThat(response.statusCode()).as(method + " " + bare + " is not an operation of the document, so only 405 may answer it").isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).as("a 405 says what is allowed").isPresent();
            return response;
        }
        var answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        if (!head && body != null && !body.isEmpty()) {
            answer.withBody(body);
        }
        // HEAD is GET's answer without content (RFC 9110 §9.3.2); the document describes GET.
        var report = (head ? HEAD_VALIDATOR : VALIDATOR).validateResponse(sent, Request.Method.valueOf(operation), answer.build());
        var errors = report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
        assertThat(errors).as(method + " " + bare + " -> " + response.statusCode() + ": the document does not declare this answer:\n"
                + errors.stream().map(ValidationReport.Message::toString).collect(Collectors.joining("\n"))).isEmpty();
        return response;
    }

    static HttpResponse<String> declared(String method, String path, HttpResponse<String> response) {
        return declared(method, path, response, response.body());
    }
}
