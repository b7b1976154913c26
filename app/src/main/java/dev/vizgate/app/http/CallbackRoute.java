package dev.vizgate.app.http;

import org.eclipse.jetty.server.Request;

import java.util.LinkedHashMap;

/** {@code GET /v1/tableau-next/callback}: Salesforce sends the browser back with the code and the state. */
final class CallbackRoute implements Route {
    private static final String SIGNED_IN = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Signed in to Salesforce</title></head><body>"
            + "<p>Signed in to Salesforce. You can close this window.</p></body></html>";

    private final WebServerFlow flow;

    CallbackRoute(WebServerFlow flow) {
        this.flow = flow;
    }

    @Override
    public Reply answer(Request request) {
        var fields = Request.extractQueryParameters(request);
        var query = new LinkedHashMap<String, String>();
        for (var name : fields.getNames()) {
            query.put(name, fields.getValue(name));
        }
        var finished = flow.finish(query);
        if (finished instanceof WebServerFlow.Finished.Refused r) {
            return Reply.problem(r.problem());
        }
        return Reply.text("text/html; charset=utf-8", SIGNED_IN);
    }
}
