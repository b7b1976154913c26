package dev.vizgate.app.http;

import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /embed/vizgate-embed.js} (and its {@code .d.ts}): the browser module, from the jar. Any origin may load it
 * (a module script is fetched with CORS); it holds no secret and nothing about this gateway's configuration.
 */
final class EmbedModuleRoute implements Route {
    static final String MODULE = "/embed/vizgate-embed.js";
    static final String TYPES = "/embed/vizgate-embed.d.ts";

    private final byte[] body;
    private final String contentType;

    private EmbedModuleRoute(byte[] body, String contentType) {
        this.body = body;
        this.contentType = contentType;
    }

    static EmbedModuleRoute module() {
        return new EmbedModuleRoute(load(MODULE), "text/javascript; charset=utf-8");
    }

    static EmbedModuleRoute types() {
        return new EmbedModuleRoute(load(TYPES), "application/typescript; charset=utf-8");
    }

    private static byte[] load(String path) {
        try (var in = EmbedModuleRoute.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Reply answer(Request request) {
        return new Reply(200, contentType, body, Map.of("Access-Control-Allow-Origin", "*", "Cache-Control", "no-cache"));
    }
}
