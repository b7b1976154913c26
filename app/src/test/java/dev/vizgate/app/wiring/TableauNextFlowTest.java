package dev.vizgate.app.wiring;

import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.config.ConfigSettings;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.usecase.NextSessionOutcome;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import dev.vizgate.sandbox.SalesforceStandIn;
import dev.vizgate.sdk.Vizgate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Tableau Next flow built from YAML through the sdk (Caffeine cache, jjwt signer, Salesforce client) against the stand-in over loopback. */
class TableauNextFlowTest {
    @TempDir
    Path dir;
    SalesforceStandIn salesforce;
    OpenTableauNextSession sessions;
    Vizgate vizgate;

    @BeforeEach
    void start() throws Exception {
        var generated = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "test", Duration.ofDays(1), Clock.systemUTC());
        KeyGeneration.writePrivateKey(generated, dir.resolve("private-key.pem"), false);
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9k", generated.certificate().getPublicKey(),
                "https://login.salesforce.com", Set.of("alice@acme.com"), Duration.ofHours(2), Clock.systemUTC()));
        Files.writeString(dir.resolve("vizgate.yaml"), """
                salesforce:
                  token-url: %s
                  audience: https://login.salesforce.com
                  consumer-key: "3MVG9k"
                  private-key: "file:private-key.pem"
                """.formatted(salesforce.baseUrl()));
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("vizgate.yaml"));
        vizgate = ConfigSettings.build(loaded.files(), Vizgate.builder()
                .tableauNext(ConfigSettings.tableauNext(loaded.config(), loaded.files())));
        sessions = vizgate.tableauNextSessions().orElseThrow();
    }

    @AfterEach
    void stop() {
        vizgate.close();
        salesforce.close();
    }

    @Test
    void given100ConcurrentRequestsForOneUser_open_causesExactlyOneTokenExchange() throws Exception {
        var pool = Executors.newFixedThreadPool(32);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<NextSessionOutcome>>();
            for (int i = 0; i < 100; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return sessions.open(new Subject("alice@acme.com"));
                }));
            }
            start.countDown();
            var urls = new HashSet<String>();
            for (var f : futures) {
                var outcome = f.get(30, TimeUnit.SECONDS);
                assertThat(outcome).isInstanceOf(NextSessionOutcome.Opened.class);
                urls.add(((NextSessionOutcome.Opened) outcome).frontdoorUrl().value().toString());
            }
            assertThat(salesforce.exchanges()).isEqualTo(1);
            assertThat(urls).as("every request gets its own single-use URL").hasSize(100);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenSingleaccessAnswering403BadOAuthToken_open_reMintsOnceAndSucceeds() {
        assertThat(sessions.open(new Subject("alice@acme.com"))).isInstanceOf(NextSessionOutcome.Opened.class);
        salesforce.expiredSessionsAnswer403(true);
        salesforce.expireSessions();
        assertThat(sessions.open(new Subject("alice@acme.com"))).isInstanceOf(NextSessionOutcome.Opened.class);
        assertThat(salesforce.exchanges()).isEqualTo(2);
    }

    @Test
    void givenSalesforceEndedTheSession_open_reMintsOnceAndSucceeds() {
        assertThat(sessions.open(new Subject("alice@acme.com"))).isInstanceOf(NextSessionOutcome.Opened.class);
        salesforce.expireSessions();
        assertThat(sessions.open(new Subject("alice@acme.com"))).isInstanceOf(NextSessionOutcome.Opened.class);
        assertThat(salesforce.exchanges()).isEqualTo(2);
    }
}
