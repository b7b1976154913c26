package dev.vizgate.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The org-side pages that {@code @salesforce/analytics-embedding-sdk} 2.0.0 loads, so that the real SDK runs against
 * the stand-in unchanged. The SDK bundles Lightning Out 2.2.3 and, read from that bundle:
 * <ol>
 *   <li>loads the frontdoor URL in a hidden iframe with {@code startURL} (or {@code retURL}) set to
 *       {@code /lwr/application/amd/0/ai/lightningout%2Fauth?parentElementId=…&loAppOrigin=…}; that page tells its
 *       parent {@code {id, type: "lo.loaded", lightningDomain}} once the browser has a session;</li>
 *   <li>loads each component from {@code …/ai/lightningout%2Fcontainer?componentName=analytics_embedding/dashboard3p&…},
 *       which says {@code lo.loaded} and {@code lo.getComponentData}, receives {@code lo.setComponentData} with the
 *       component's props ({@code idOrApiName}, {@code embeddingUniqueId}), answers {@code lo.ready}, and reports the
 *       SDK's {@code ComponentLoaded} as a {@code tableau_internal} event.</li>
 * </ol>
 * The container page here draws a small dashboard for the session's user and checks the session every second, so a
 * page that outlives its Salesforce session shows it, and a re-authenticated one keeps working.
 */
final class LightningOutPages {
    /** Lightning Out application pages, optionally with a language ({@code …/0/l/en/ai/…}). */
    static final String APPLICATIONS = "/lwr/application/amd/0/";
    /** The stand-in's own session probe for its pages (not a Salesforce API). */
    static final String SESSION = "/vizgate-stand-in/session";

    record UiSession(String user, Instant ends) {
    }

    private final Function<HttpExchange, Optional<UiSession>> sessions;
    private final Clock clock;

    LightningOutPages(Function<HttpExchange, Optional<UiSession>> sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    void application(HttpExchange ex) throws IOException {
        var path = ex.getRequestURI().getPath();
        var session = sessions.apply(ex);
        if (path.endsWith("lightningout/auth")) {
            if (session.isEmpty()) {
                Http.html(ex, 401, page("Session required", "<p id=\"no-session\">No Salesforce session: follow a frontdoor URL first.</p>", ""));
                return;
            }
            Http.html(ex, 200, page("Lightning Out (stand-in)", "", AUTH_SCRIPT));
            return;
        }
        if (path.endsWith("lightningout/container")) {
            Http.html(ex, 200, page("Tableau Next (stand-in)", CONTAINER_BODY, CONTAINER_SCRIPT));
            return;
        }
        Http.html(ex, 404, page("Not found", "<p>No such Lightning Out application.</p>", ""));
    }

    void session(HttpExchange ex) throws IOException {
        var session = sessions.apply(ex);
        if (session.isEmpty()) {
            Http.json(ex, 401, Map.of("errorCode", "INVALID_SESSION_ID", "message", "Session expired or invalid"));
            return;
        }
        Http.json(ex, 200, Map.of("user", session.get().user(), "endsAt", session.get().ends().toString(),
                "secondsLeft", Math.max(0, session.get().ends().getEpochSecond() - clock.instant().getEpochSecond())));
    }

    private static final String AUTH_SCRIPT = """
            <script>
            (function () {
              var q = new URLSearchParams(location.search);
              parent.postMessage({ id: q.get('parentElementId'), type: 'lo.loaded', lightningDomain: location.origin }, q.get('loAppOrigin'));
            })();
            </script>""";

    private static final String CONTAINER_BODY = """
            <main>
              <h2 id="component-name">Tableau Next</h2>
              <p>Signed in as <strong id="next-user">…</strong> · <span id="session-state">checking the session…</span></p>
              <svg id="next-chart" width="300" height="110" role="img" aria-label="Pipeline by stage">
                <rect x="0" y="10" width="220" height="18" fill="#0176d3"></rect><text x="226" y="24" font-size="12">Prospecting</text>
                <rect x="0" y="36" width="160" height="18" fill="#1b96ff"></rect><text x="166" y="50" font-size="12">Qualification</text>
                <rect x="0" y="62" width="110" height="18" fill="#57a3fd"></rect><text x="116" y="76" font-size="12">Proposal</text>
                <rect x="0" y="88" width="60" height="18" fill="#90d0fe"></rect><text x="66" y="102" font-size="12">Closed Won</text>
              </svg>
              <p class="note">Vizgate's local stand-in for a Salesforce org, driven by the real analytics embedding SDK.</p>
            </main>""";

    private static final String CONTAINER_SCRIPT = """
            <script>
            (function () {
              var q = new URLSearchParams(location.search);
              var id = q.get('parentElementId'), origin = q.get('loAppOrigin'), name = q.get('componentName') || '';
              var props = {};
              function post(m) { m.id = id; parent.postMessage(m, origin); }
              function check() {
                fetch('%s', { credentials: 'include' }).then(function (r) { return r.json().then(function (b) { return [r.ok, b]; }); })
                  .then(function (a) {
                    var state = document.getElementById('session-state');
                    if (a[0]) {
                      document.getElementById('next-user').textContent = a[1].user;
                      state.textContent = 'session ends ' + new Date(a[1].endsAt).toLocaleTimeString();
                      state.className = 'live';
                    } else {
                      state.textContent = 'Your Salesforce session has ended. Sign in again.';
                      state.className = 'ended';
                      state.id = 'session-state';
                      document.body.dataset.session = 'ended';
                    }
                  });
              }
              window.addEventListener('message', function (e) {
                if (e.origin !== origin || !e.data) { return; }
                if (e.data.type === 'lo.setComponentData') {
                  props = (e.data.componentData && e.data.componentData.props) || {};
                  document.getElementById('component-name').textContent = props.idOrApiName || name;
                  post({ type: 'lo.ready' });
                  post({ type: 'lo.dispatchEvent', name: 'tableau_internal', detail: { metaInfo: { eventName: 'ComponentLoaded',
                    eventSource: name.split('/').pop(), idOrApiName: props.idOrApiName, embeddingUniqueId: props.embeddingUniqueId,
                    eventUniqueId: String(Math.random()).slice(2) }, payload: {} } });
                } else if (e.data.type === 'lo.setComponentProps') {
                  Object.assign(props, e.data.componentProps || {});
                }
              });
              check();
              setInterval(check, 1000);
              post({ type: 'lo.loaded', lightningDomain: location.origin });
              post({ type: 'lo.getComponentData' });
            })();
            </script>""".formatted(SESSION);

    private static String page(String title, String body, String script) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + Http.escape(title) + "</title><style>"
                + "body{font:14px system-ui,sans-serif;margin:0;padding:12px;color:#181818}h2{font-size:16px;margin:0 0 6px}"
                + "p{margin:4px 0}.live{color:#2e844a}.ended{color:#ba0517;font-weight:600}.note{color:#706e6b;font-size:12px}"
                + "</style></head><body>" + body + script + "</body></html>";
    }
}
