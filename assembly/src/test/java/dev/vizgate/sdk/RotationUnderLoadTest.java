package dev.vizgate.sdk;

import dev.vizgate.adapters.secrets.SlotsDocument;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.usecase.RotationOutcome;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import dev.vizgate.sandbox.TableauStandIn;
import dev.vizgate.sandbox.VaultStandIn;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tableau.md §7 end to end: two nodes mint tokens at a steady rate for the whole rotation of their managed secret (kept
 * in the Vault stand-in, read through the real vault-java-driver), and the Tableau stand-in checks each token against
 * the secrets that exist at the moment it is presented. Zero are rejected; afterwards Tableau and Vault hold one secret.
 */
class RotationUnderLoadTest {
    private static final String FIRST = "first-managed-connected-app-secret-0123456789";

    @Test
    void givenTwoNodesMinting_aRotation_rejectsNoToken_andEndsWithOneSecretEachSide() throws Exception {
        try (var tableau = TableauStandIn.start(TableauStandIn.Site.of("acme", "6f1c2e7a-client",
                Map.of("first-id", FIRST.getBytes(StandardCharsets.UTF_8)), Set.of("alice@acme.com"), Clock.systemUTC()))
                .personalAccessToken("vizgate-rotation", "pat-secret-value");
             var vault = VaultStandIn.start(Clock.systemUTC(), Optional.empty()).token("hvs.node-token")) {
            vault.write("secret", "vizgate/tableau", Map.of("value", "{\"current\":{\"id\":\"first-id\",\"value\":\"" + FIRST + "\"}}"));
            vault.write("secret", "vizgate/tableau-pat", Map.of("value", "pat-secret-value"));
            // Short lifetimes so the test waits seconds, not Tableau's ten minutes: 2 s tokens, 1 s skew, read every second.
            var d = TableauTokenPolicy.defaults();
            var policy = new TableauTokenPolicy(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(1), d.allowedScopes(),
                    d.defaultScopes(), d.allowedAttributeNames(), false, d.odaFlagStyle());
            var settings = new TableauSettings(tableau.baseUrl(), new SiteContentUrl("acme"), RestApiVersion.DEFAULT,
                    new ConnectedApp.Managed(new ClientId("6f1c2e7a-client"), SecretRef.of("vault", "secret/vizgate/tableau")), policy);
            var store = new SecretStoreSettings.Vault(vault.baseUrl(), new SecretStoreSettings.VaultLogin.Token("hvs.node-token"), Optional.empty(),
                    Optional.empty(), Duration.ofSeconds(2));
            var refresh = new SecretRefresh(Duration.ofSeconds(1), 0.2);
            var rotation = new RotationSettings("vizgate-rotation", new SecretSource.Stored(SecretRef.of("vault", "secret/vizgate/tableau-pat")),
                    Duration.ofMillis(1500));
            try (var a = Vizgate.builder().tableau(settings).secretStore("vault", store).secretRefresh(refresh).rotation(rotation).build();
                 var b = Vizgate.builder().tableau(settings).secretStore("vault", store).secretRefresh(refresh).build()) {
                var minted = new AtomicInteger();
                var rejected = new ArrayList<String>();
                var running = new AtomicBoolean(true);
                var pool = Executors.newFixedThreadPool(2);
                for (var node : List.of(a, b)) {
                    pool.submit(() -> {
                        while (running.get()) {
                            var outcome = node.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(new Subject("alice@acme.com")));
                            var verdict = tableau.verify(((TokenIssueOutcome.Issued) outcome).token().value());
                            minted.incrementAndGet();
                            if (verdict instanceof TableauStandIn.Verdict.Refused r) {
                                synchronized (rejected) {
                                    rejected.add(r.code() + " " + r.reason());
                                }
                            }
                            Thread.sleep(20);
                        }
                        return null;
                    });
                }
                var outcome = a.rotation().orElseThrow().run(step -> { });
                running.set(false);
                pool.shutdown();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

                assertThat(outcome).isInstanceOfSatisfying(RotationOutcome.Rotated.class, r -> assertThat(r.from().value()).isEqualTo("first-id"));
                var to = ((RotationOutcome.Rotated) outcome).to().value();
                assertThat(minted.get()).as("tokens minted during the rotation").isGreaterThan(100);
                assertThat(rejected).as("tokens Tableau refused").isEmpty();
                assertThat(tableau.secretIds()).containsExactly(to);
                var doc = a.secrets().get(Setting.of(SettingId.CONNECTED_APP_MANAGED_SECRET));
                doc.refresh();
                assertThat(SlotsDocument.read(doc.current().value()).orElseThrow())
                        .satisfies(s -> {
                            assertThat(s.current().id().value()).isEqualTo(to);
                            assertThat(s.next()).isEmpty();
                            assertThat(s.previous()).isEmpty();
                        });
                Thread.sleep(1500); // both nodes pick up the final document
                for (var node : List.of(a, b)) {
                    var token = ((TokenIssueOutcome.Issued) node.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(new Subject("alice@acme.com"))))
                            .token().value();
                    assertThat(tableau.verify(token)).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
                    assertThat(node.tableauTrust().orElseThrow().signingKeyId().value()).isEqualTo(to);
                }
            }
        }
    }
}
