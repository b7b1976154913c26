package dev.vizgate.app.security;

import dev.vizgate.app.http.DirectTrustSite;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code store: memory} each node keeps its own replay ledger, so behind a load balancer an assertion could be spent
 * once per node. Where the gateway can tell ({@code server.nodes}), it refuses the combination.
 */
class MemoryStoreOnManyNodesTest {
    static final String TABLEAU = DirectTrustSite.TABLEAU + """
            callers:
              api-keys: [ { name: backend, sha256: "%s" } ]
            """.formatted("a".repeat(64));

    @TempDir
    Path dir;

    private GatewayWiring.Wired wire(String server) throws Exception {
        var config = Files.writeString(dir.resolve("vizgate.yaml"), server + TABLEAU);
        var loaded = new ConfigLoader(DirectTrustSite.ENV::get).load(config);
        return GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
    }

    @Test
    void givenTwoNodesAndTheMemoryStore_serve_refusesToStartNamingServerNodes() {
        assertThatThrownBy(() -> wire("server: { port: 0, nodes: 2 }\n")).isInstanceOfSatisfying(ConfigError.class, e -> {
            assertThat(e.path()).isEqualTo("server.nodes");
            assertThat(e.getMessage()).contains("replay ledger", "once on every node");
            assertThat(e.fix()).contains("type: redis");
        });
    }

    @Test
    void givenOneNodeAndTheMemoryStore_serve_starts() throws Exception {
        var wired = wire("server: { port: 0, nodes: 1 }\n");
        wired.services().resources().close();
        assertThat(wired.options().port()).isZero();
    }

    @Test
    void givenNoNodes_serve_refusesANonsenseCount() {
        assertThatThrownBy(() -> wire("server: { port: 0, nodes: 0 }\n")).isInstanceOfSatisfying(ConfigError.class,
                e -> assertThat(e.path()).isEqualTo("server.nodes"));
    }
}
