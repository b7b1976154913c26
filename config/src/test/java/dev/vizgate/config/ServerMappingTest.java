package dev.vizgate.config;

import dev.vizgate.domain.model.RateBudget;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server section: its defaults live in config once, and each mistake is named at its key. */
class ServerMappingTest {
    static final ConfigFiles FILES = new ConfigFiles(Path.of("/etc/vizgate"));

    static VizgateConfig config(VizgateConfig.Server server) {
        return new VizgateConfig(server, null, null, null, null, null, null);
    }

    static VizgateConfig.Server server(Integer port, String bind, String maxBody, VizgateConfig.RateLimit limit, VizgateConfig.Tls tls,
                                       String grace, VizgateConfig.AdminListener admin) {
        return new VizgateConfig.Server(port, bind, maxBody, limit, tls, grace, admin, null, null, null);
    }

    @Test
    void givenNoServerSection_theDefaultsApply() {
        var s = ServerMapping.of(config(null), FILES);
        assertThat(s.listener()).isEqualTo(new ServerMapping.Listener("0.0.0.0", 8080));
        assertThat(s.maxBodyBytes()).isEqualTo(16 * 1024);
        assertThat(s.callerBudget()).isEqualTo(RateBudget.perMinute(6000));
        assertThat(s.userBudget()).isEqualTo(RateBudget.perMinute(120));
        assertThat(s.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.tls()).isEmpty();
        assertThat(s.admin()).isEmpty();
    }

    @Test
    void givenEverySetting_theyAreTakenAsWritten() {
        var s = ServerMapping.of(config(server(9443, "127.0.0.1", "2m", new VizgateConfig.RateLimit(50, 5),
                new VizgateConfig.Tls("tls/gateway.p12", "changeit"), "3s", new VizgateConfig.AdminListener(null, 9090))), FILES);
        assertThat(s.listener()).isEqualTo(new ServerMapping.Listener("127.0.0.1", 9443));
        assertThat(s.maxBodyBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(s.callerBudget()).isEqualTo(RateBudget.perMinute(50));
        assertThat(s.userBudget()).isEqualTo(RateBudget.perMinute(5));
        assertThat(s.shutdownGrace()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.tls().orElseThrow().keystore()).isEqualTo(Path.of("/etc/vizgate/tls/gateway.p12"));
        assertThat(s.tls().orElseThrow().toString()).doesNotContain("changeit");
        assertThat(s.admin()).contains(new ServerMapping.Listener("127.0.0.1", 9090));
    }

    @Test
    void sizes_readBytesKilobytesAndMegabytes() {
        assertThat(ServerMapping.size("server.max-body", "512")).isEqualTo(512);
        assertThat(ServerMapping.size("server.max-body", "16k")).isEqualTo(16 * 1024);
        assertThat(ServerMapping.size("server.max-body", " 1 MiB ")).isEqualTo(1024 * 1024);
    }

    @Test
    void eachMistake_isNamedAtItsKey() {
        assertMistake(server(70000, null, null, null, null, null, null), "server.port", "out of range");
        assertMistake(server(-1, null, null, null, null, null, null), "server.port", "out of range");
        assertMistake(server(null, null, "lots", null, null, null, null), "server.max-body", "is not a size");
        assertMistake(server(null, null, null, new VizgateConfig.RateLimit(0, null), null, null, null), "server.rate-limit.caller-per-minute", "at least one request");
        assertMistake(server(null, null, null, null, new VizgateConfig.Tls(null, "x"), null, null), "server.tls.keystore", "PKCS#12");
        assertMistake(server(null, null, null, null, new VizgateConfig.Tls("k.p12", null), null, null), "server.tls.password", "TLS_PASSWORD");
        assertMistake(server(null, null, null, null, null, null, new VizgateConfig.AdminListener(null, null)), "server.admin.port", "admin listener's port");
        assertMistake(server(9090, "127.0.0.1", null, null, null, null, new VizgateConfig.AdminListener("127.0.0.1", 9090)), "server.admin.port", "public listener's port");
        assertMistake(server(null, null, null, null, null, null, new VizgateConfig.AdminListener(null, 65536)), "server.admin.port", "out of range");
    }

    static void assertMistake(VizgateConfig.Server server, String path, String words) {
        assertThatThrownBy(() -> ServerMapping.of(config(server), FILES)).isInstanceOfSatisfying(ConfigError.class, e -> {
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.twoLines()).contains(words);
        });
    }
}
