package dev.vizgate.app.http;

import dev.vizgate.domain.model.TableauErrorCode;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/tableau/errors}: Tableau's Connected App rejection codes with their causes and fixes, from the one
 * catalogue ({@link TableauErrorCode}). vizgate-embed reads it to turn a sign-in the Embedding API reports as
 * {@code auth-failed} into a cause and a fix. Public facts only, so any origin may read it.
 */
final class TableauErrorsRoute implements Route {
    static final String PATH = "/v1/tableau/errors";

    private final byte[] body;

    TableauErrorsRoute() {
        var errors = Arrays.stream(TableauErrorCode.values()).map(c -> {
            var e = new LinkedHashMap<String, Object>();
            e.put("code", c.code());
            c.tableauName().ifPresent(name -> e.put("name", name)); // as Tableau's table names it; absent where it gives none
            e.put("cause", c.cause());
            e.put("fix", c.fix());
            e.put("evidence", c.evidence() == TableauErrorCode.Evidence.DOCUMENTED ? "documented" : "field-report");
            e.put("source", c.source());
            return e;
        }).toList();
        try {
            body = Gateway.JSON.writeValueAsBytes(Map.of("errors", errors));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Reply answer(Request request) {
        return new Reply(200, "application/json", body, Map.of("Access-Control-Allow-Origin", "*"));
    }
}
