package dev.vizgate.app.http;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Jetty 12 core, no servlet container: bounded threads and header sizes, idle timeouts for slow clients, optional
 * TLS from a PKCS#12 keystore, and a graceful stop that lets in-flight requests finish.
 */
public final class GatewayServer implements AutoCloseable {
    public record Tls(Path keystore, String password) {
        @Override
        public String toString() {
            return "Tls[" + keystore + ", password redacted]";
        }
    }

    /** A listener's address and port. */
    public record Listener(String bind, int port) {
        public Listener {
            Objects.requireNonNull(bind, "bind");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is out of range");
            }
        }
    }

    /**
     * @param admin a second, plain-HTTP listener for the operators' routes ({@code /readyz}, {@code /metrics}); when set,
     *              the public listener no longer serves them, so issuance volume, refusal reasons and which secret is
     *              stale are not told to whoever reaches the public port
     */
    public record Options(String bind, int port, Optional<Tls> tls, Duration idleTimeout, Duration shutdownGrace, int maxThreads,
                          Optional<Listener> admin) {
        public Options(String bind, int port, Optional<Tls> tls, Duration idleTimeout, Duration shutdownGrace, int maxThreads) {
            this(bind, port, tls, idleTimeout, shutdownGrace, maxThreads, Optional.empty());
        }

        public static Options loopback(int port) {
            return new Options("127.0.0.1", port, Optional.empty(), Duration.ofSeconds(30), Duration.ofSeconds(10), 64);
        }

        public Options withAdmin(Listener admin) {
            return new Options(bind, port, tls, idleTimeout, shutdownGrace, maxThreads, Optional.of(admin));
        }
    }

    /** Jetty's default acceptors (from the cores). */
    private static final int ACCEPTORS = -1;
    /**
     * One selector per core: the inline routes ({@link Dispatch#INLINE}) run on the selector that read them, so each
     * selector is one core's event loop (Jetty's default, half the cores, would leave a core idle on a 2-core node).
     */
    static final int SELECTORS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final Server server;
    private final ServerConnector connector;
    private final Optional<ServerConnector> adminConnector;
    private final boolean secure;
    private final AutoCloseable resources;

    private GatewayServer(Server server, ServerConnector connector, Optional<ServerConnector> adminConnector, boolean secure, AutoCloseable resources) {
        this.server = server;
        this.connector = connector;
        this.adminConnector = adminConnector;
        this.secure = secure;
        this.resources = resources;
    }

    public static GatewayServer start(Gateway gateway, Options options) throws Exception {
        var threads = new QueuedThreadPool(options.maxThreads(), Math.min(8, options.maxThreads()));
        threads.setName("vizgate-http");
        var server = new Server(threads);
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(8 * 1024);
        http.setResponseHeaderSize(8 * 1024);
        ServerConnector connector;
        if (options.tls().isPresent()) {
            http.addCustomizer(new SecureRequestCustomizer());
            var ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(options.tls().get().keystore().toString());
            ssl.setKeyStorePassword(options.tls().get().password());
            ssl.setKeyStoreType("PKCS12");
            connector = new ServerConnector(server, ACCEPTORS, SELECTORS, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, ACCEPTORS, SELECTORS, new HttpConnectionFactory(http));
        }
        connector.setHost(options.bind());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        server.addConnector(connector);
        Optional<ServerConnector> admin = Optional.empty();
        if (options.admin().isPresent()) {
            var a = new ServerConnector(server, new HttpConnectionFactory(http));
            a.setName(ListenerSplit.ADMIN);
            a.setHost(options.admin().get().bind());
            a.setPort(options.admin().get().port());
            a.setIdleTimeout(options.idleTimeout().toMillis());
            server.addConnector(a);
            admin = Optional.of(a);
        }
        var graceful = new GracefulHandler();
        graceful.setHandler(admin.isPresent() ? new ListenerSplit(gateway) : gateway);
        server.setHandler(graceful);
        server.setErrorHandler(new ProblemErrorHandler());
        server.setStopTimeout(options.shutdownGrace().toMillis());
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            server.stop(); // release the thread pool and whatever did start
            gateway.resources().close();
            for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof BindException) {
                    var which = admin.filter(a -> a.getLocalPort() <= 0 && connector.getLocalPort() > 0);
                    throw which.isPresent() ? new PortInUse(options.admin().get().bind(), options.admin().get().port())
                            : new PortInUse(options.bind(), options.port());
                }
            }
            throw e;
        }
        return new GatewayServer(server, connector, admin, options.tls().isPresent(), gateway.resources());
    }

    /** The port is taken (or not ours to bind): a plain message for the person who started us, not a stack trace. */
    public static final class PortInUse extends RuntimeException {
        public PortInUse(String bind, int port) {
            super("port " + port + " on " + bind + " is in use (or not available to this user)", null, false, false);
        }
    }

    /**
     * An in-memory connector on the running server: the same handlers, error handler and HTTP limits, without a
     * socket. The fuzz tests drive raw requests through it at a rate sockets would not allow.
     */
    LocalConnector inMemoryConnector() throws Exception {
        var local = new LocalConnector(server, connector.getConnectionFactory(HttpConnectionFactory.class));
        server.addConnector(local);
        local.start();
        return local;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The public listener, for tests that look at how Jetty ran its requests. */
    ServerConnector publicConnector() {
        return connector;
    }

    public URI baseUrl() {
        var host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return URI.create((secure ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** The admin listener's base URL, when there is one. */
    public Optional<URI> adminBaseUrl() {
        return adminConnector.map(a -> URI.create("http://" + (a.getHost() == null ? "127.0.0.1" : a.getHost().contains(":") ? "[" + a.getHost() + "]"
                : a.getHost()) + ":" + a.getLocalPort()));
    }

    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops accepting, lets in-flight requests finish within the grace period, then stops. */
    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            resources.close(); // the Salesforce client and the Redis pool outlive no server
        }
    }
}
