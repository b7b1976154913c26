package dev.vizgate.app.http;

import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.SecretRotation;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.testing.FakeKeySource;
import dev.vizgate.domain.testing.FakeTokenSigner;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.SequentialTokenIds;
import dev.vizgate.domain.port.TokenSigner;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.domain.usecase.IssueTableauToken;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.util.thread.strategy.AdaptiveExecutionStrategy;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 31, item 2: the routes that cannot block answer on the thread that read the request. Jetty's selector runs a
 * non-blocking task itself (its "produce-consume" mode, counted by the selector's execution strategy) and hands a
 * blocking one to another thread; the counts say which happened to each request, so nothing here is timed. A route
 * declared to wait still leaves that thread.
 */
class InlineRoutesRunWithoutAThreadHandOffTest {
    static final int REQUESTS = 20;

    record Modes(long consumedInline, long handedOff) {
        Modes minus(Modes before) {
            return new Modes(consumedInline - before.consumedInline, handedOff - before.handedOff);
        }
    }

    static Modes modes(GatewayServer server) {
        long inline = 0;
        long handedOff = 0;
        for (var selector : server.publicConnector().getSelectorManager().getBeans(ManagedSelector.class)) {
            for (var strategy : selector.getBeans(AdaptiveExecutionStrategy.class)) {
                inline += strategy.getPCTasksConsumed();
                handedOff += strategy.getEPCTasksConsumed() + strategy.getPECTasksExecuted() + strategy.getPICTasksExecuted();
            }
        }
        return new Modes(inline, handedOff);
    }

    /** Whether the calling thread is the one that read the request: Jetty's selector, running a task it produced itself. */
    static boolean onTheSelector() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().equals(AdaptiveExecutionStrategy.class.getName())));
    }

    static Gateway.Services services(Dispatch tokenDispatch, Map<String, Supplier<Boolean>> readiness, List<Boolean> signedOnSelector) {
        var signer = new FakeTokenSigner();
        TokenSigner recording = (draft, key) -> {
            signedOnSelector.add(onTheSelector());
            return signer.sign(draft, key);
        };
        var issue = new IssueTableauToken(new ConnectedAppTrust.DirectTrust(new ClientId("c"), SecretRotation.single(new SecretId("s1"))),
                TableauTokenPolicy.defaults(), new FakeKeySource().with(TestKeys.hs256("s1")), recording, new SequentialTokenIds(),
                new MutableClock());
        var callers = new CallerAuthentication(List.of(new CallerAuthentication.ApiKey("k", CallerAuthentication.sha256("key"))), Optional.empty());
        return Gateway.Services.builder(callers, new RateLimits(100_000, 100_000), new GatewayMetrics()).readiness(readiness).maxBodyBytes(1024)
                .tableau(Optional.of(issue), "tableau-direct").tokenDispatch(tokenDispatch).build();
    }

    static final String TOKEN_BODY = "{\"user\":\"alice@example.com\"}";
    static final String TOKEN = "POST /v1/tableau/token HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer key\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + TOKEN_BODY.length() + "\r\n\r\n" + TOKEN_BODY;
    static final String READY = "GET /readyz HTTP/1.1\r\nHost: gw\r\n\r\n";

    /**
     * One kept-alive connection that writes each request whole, in one write, as wrk and browsers do with a small body
     * (the JDK's client writes a body apart from its headers), and reads each answer before it sends the next.
     */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final BufferedInputStream in;

        Connection(GatewayServer server) throws IOException {
            socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
        }

        int send(String... parts) throws Exception {
            for (var part : parts) {
                socket.getOutputStream().write(part.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            var status = Integer.parseInt(line().split(" ")[1]);
            var length = 0;
            for (var header = line(); !header.isEmpty(); header = line()) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring("content-length:".length()).strip());
                }
            }
            in.readNBytes(length);
            return status;
        }

        private String line() throws IOException {
            var out = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("the gateway closed the connection");
                }
                if (c != '\r') {
                    out.append((char) c);
                }
            }
            return out.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Sends each request after the one before has been answered, and counts how the selector ran its tasks meanwhile. */
    static Modes during(GatewayServer server, String request) throws Exception {
        // Counted from before the connection opens: its first request is always a selector task of its own, while the
        // ones after may be read by the same task when the client sends again before the connection waits.
        var before = modes(server);
        try (var connection = new Connection(server)) {
            assertThat(connection.send(request)).isEqualTo(200);
            for (int i = 0; i < REQUESTS; i++) {
                assertThat(connection.send(request)).isEqualTo(200);
            }
            return modes(server).minus(before);
        }
    }

    @Test
    void givenAnInlineTokenRoute_everyTokenRequest_isAnsweredByTheThreadThatReadIt() throws Exception {
        var signedOnSelector = new CopyOnWriteArrayList<Boolean>();
        try (var server = GatewayServer.start(new Gateway(services(Dispatch.INLINE, Map.of(), signedOnSelector)), GatewayServer.Options.loopback(0))) {
            var modes = during(server, TOKEN);
            assertThat(signedOnSelector).hasSize(REQUESTS + 1).containsOnly(true);
            // A task may serve several requests (Jetty reads on while the client keeps sending), so only the modes count.
            assertThat(modes.consumedInline()).as("selector tasks run by the selector itself").isPositive();
            assertThat(modes.handedOff()).as("selector tasks handed to another thread").isZero();
        }
    }

    @Test
    void givenRoutesThatMayWait_theirWork_leavesTheSelector() throws Exception {
        var signedOnSelector = new CopyOnWriteArrayList<Boolean>();
        var checkedOnSelector = new CopyOnWriteArrayList<Boolean>();
        Supplier<Boolean> check = () -> checkedOnSelector.add(onTheSelector());
        try (var server = GatewayServer.start(new Gateway(services(Dispatch.WORKERS, Map.of("store", check), signedOnSelector)),
                GatewayServer.Options.loopback(0))) {
            // A token route declared to wait (Redis, RSA, an identity provider's keys), and /readyz, whose checks may ask Redis or Vault.
            during(server, TOKEN);
            during(server, READY);
            assertThat(signedOnSelector).hasSize(REQUESTS + 1).containsOnly(false);
            assertThat(checkedOnSelector).hasSize(REQUESTS + 1).containsOnly(false);
        }
    }

    @Test
    void givenABodyThatArrivesAfterItsHeaders_theInlineTokenRoute_waitsForItWithoutBlocking() throws Exception {
        var signedOnSelector = new CopyOnWriteArrayList<Boolean>();
        try (var server = GatewayServer.start(new Gateway(services(Dispatch.INLINE, Map.of(), signedOnSelector)), GatewayServer.Options.loopback(0));
             var connection = new Connection(server)) {
            var split = TOKEN.indexOf("\r\n\r\n") + 4;
            for (int i = 0; i < 3; i++) {
                // Headers, then the body in two pieces: the route runs once the last piece has come, read as it arrives.
                assertThat(connection.send(TOKEN.substring(0, split), TOKEN.substring(split, split + 5), TOKEN.substring(split + 5))).isEqualTo(200);
            }
            assertThat(signedOnSelector).hasSize(3);
        }
    }
}
