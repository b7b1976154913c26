package dev.vizgate.app.http;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The OpenAPI document shipped in the jar, served as is. */
final class OpenApi {
    private static final byte[] DOCUMENT = load();

    private OpenApi() {
    }

    static byte[] document() {
        return DOCUMENT.clone();
    }

    private static byte[] load() {
        try (var in = OpenApi.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
