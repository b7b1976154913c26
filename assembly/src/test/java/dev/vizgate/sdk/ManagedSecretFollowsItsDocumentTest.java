package dev.vizgate.sdk;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import dev.vizgate.adapters.secrets.SlotsDocument;
import dev.vizgate.adapters.secrets.StoredSecretSlots;
import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretSlots;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.model.StoredSecret;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.testing.InMemorySecretStore;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import dev.vizgate.domain.usecase.TrustedPlatform;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A managed secret's slots document: how it is written and read, and how the signer follows it (its kid included). */
class ManagedSecretFollowsItsDocumentTest {
    private static final SecretRef REF = SecretRef.of("memory", "secret/vizgate/tableau");
    private static final StoredSecret A = new StoredSecret(new SecretId("a-id"), "secret-a-of-at-least-thirty-two-bytes!!");
    private static final StoredSecret B = new StoredSecret(new SecretId("b-id"), "secret-b-of-at-least-thirty-two-bytes!!");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private final InMemorySecretStore store = new InMemorySecretStore();

    private static TableauSettings managed() {
        return TableauSettings.of(URI.create("https://10ax.online.tableau.com"), new SiteContentUrl("acme"),
                new ConnectedApp.Managed(new ClientId("6f1c2e7a-client"), REF));
    }

    private static String token(Vizgate v) {
        return ((TokenIssueOutcome.Issued) v.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(new Subject("alice@acme.com")))).token().value();
    }

    @Test
    void slotsDocument_roundTripsEverySlot_andRefusesWhatIsNotOne() {
        var full = new SecretSlots(A, Optional.of(B), Optional.of(new SecretSlots.Retired(B, AT)));
        assertThat(SlotsDocument.read(SlotsDocument.write(full))).contains(full);
        assertThat(SlotsDocument.read(SlotsDocument.write(SecretSlots.only(A)))).contains(SecretSlots.only(A));
        assertThat(SlotsDocument.read("not json")).isEmpty();
        assertThat(SlotsDocument.read("[1]")).isEmpty();
        assertThat(SlotsDocument.read("{\"next\":{\"id\":\"x\",\"value\":\"y\"}}")).as("no current").isEmpty();
        assertThat(SlotsDocument.read("{\"current\":{\"id\":\"x\"}}")).isEmpty();
        assertThat(SlotsDocument.read("{\"current\":{\"id\":\"a\",\"value\":\"v\"},\"previous\":{\"id\":\"b\",\"value\":\"w\",\"retired-at\":\"soon\"}}"))
                .hasValueSatisfying(s -> assertThat(s.previous()).isEmpty());
    }

    @Test
    void storedSlots_writeOnlyWhatChanges_andEachChangeIsOneNewVersion() {
        store.put(REF, SlotsDocument.write(SecretSlots.only(A)));
        var slots = new StoredSecretSlots(store, store, REF);
        var v0 = version();
        slots.promote(AT);
        slots.clearRetired();
        assertThat(version()).as("nothing to promote or clear").isEqualTo(v0);
        slots.putNext(B);
        var v1 = version();
        slots.putNext(B);
        assertThat(version()).as("the same next again").isEqualTo(v1);
        slots.promote(AT);
        assertThat(slots.read()).isEqualTo(new SecretSlots(B, Optional.empty(), Optional.of(new SecretSlots.Retired(A, AT))));
        slots.clearRetired();
        assertThat(slots.read()).isEqualTo(SecretSlots.only(B));
    }

    private String version() {
        return ((SecretFetch.Found) store.fetch(REF)).secret().version().value();
    }

    @Test
    void storedSlots_sayTheStoreIsAway_orTheDocumentIsWrong() {
        var slots = new StoredSecretSlots(store, store, REF);
        assertThatThrownBy(slots::read).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("memory:secret/vizgate/tableau");
        store.put(REF, "{}");
        assertThatThrownBy(slots::read).isInstanceOf(IllegalStateException.class).hasMessageContaining("does not hold a rotated secret");
        store.down(true);
        assertThatThrownBy(slots::read).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void givenAManagedSecret_tokensCarryTheCurrentKid_andFollowASwitchWithoutARestart() throws Exception {
        store.put(REF, SlotsDocument.write(SecretSlots.only(A)));
        try (var vizgate = Vizgate.builder().tableau(managed()).secretStore("memory", store).build()) {
            var first = JWSObject.parse(token(vizgate));
            assertThat(first.getHeader().getKeyID()).isEqualTo("a-id");
            assertThat(first.verify(new MACVerifier(A.value().getBytes(StandardCharsets.UTF_8)))).isTrue();
            store.put(REF, SlotsDocument.write(new SecretSlots(A, Optional.of(B), Optional.empty())));
            vizgate.secrets().get(Setting.of(SettingId.CONNECTED_APP_MANAGED_SECRET)).refresh();
            assertThat(JWSObject.parse(token(vizgate)).getHeader().getKeyID()).as("next is held, not yet signing").isEqualTo("a-id");
            store.put(REF, SlotsDocument.write(new SecretSlots(B, Optional.empty(), Optional.of(new SecretSlots.Retired(A, AT)))));
            vizgate.secrets().get(Setting.of(SettingId.CONNECTED_APP_MANAGED_SECRET)).refresh();
            var switched = JWSObject.parse(token(vizgate));
            assertThat(switched.getHeader().getKeyID()).isEqualTo("b-id");
            assertThat(switched.verify(new MACVerifier(B.value().getBytes(StandardCharsets.UTF_8)))).isTrue();
            assertThat(vizgate.tableauTrust().orElseThrow().signingKeyId().value()).isEqualTo("b-id");
        }
    }

    @Test
    void givenAManagedDocumentThatIsNotOne_orHoldsAWeakSecret_build_refusesIt() {
        store.put(REF, "plain-text-not-a-document");
        assertThatThrownBy(() -> Vizgate.builder().tableau(managed()).secretStore("memory", store).build())
                .isInstanceOfSatisfying(SettingsException.class, e -> {
                    assertThat(e.setting()).isEqualTo(Setting.of(SettingId.CONNECTED_APP_MANAGED_SECRET));
                    assertThat(e.problem()).contains("not a rotated secret's document");
                });
        store.put(REF, SlotsDocument.write(SecretSlots.only(new StoredSecret(new SecretId("weak"), "too-short"))));
        assertThatThrownBy(() -> Vizgate.builder().tableau(managed()).secretStore("memory", store).build())
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problem()).contains("secret weak", "72 bits"));
    }

    @Test
    void rotationSettings_needAManagedSecretInAWritableStore() {
        store.put(REF, SlotsDocument.write(SecretSlots.only(A)));
        var rotation = new RotationSettings("vizgate-rotation", new SecretSource.Value("pat"), Duration.ofSeconds(1));
        var direct = TableauSettings.of(URI.create("https://10ax.online.tableau.com"), new SiteContentUrl("acme"),
                ConnectedApp.Direct.of(new ClientId("c"), new SecretId("s"), A.value()));
        assertThatThrownBy(() -> Vizgate.builder().tableau(direct).rotation(rotation).build())
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problem()).contains("only a managed secret"));
        SecretStore readOnly = store::fetch;
        assertThatThrownBy(() -> Vizgate.builder().tableau(managed()).secretStore("memory", readOnly).rotation(rotation).build())
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problem()).contains("cannot be written"));
        assertThatThrownBy(() -> Vizgate.builder().rotation(rotation).platformAssertions(PlatformAssertionSettings.of(List.of(
                new PlatformSettings(new Issuer("https://p.example.com"),
                        TrustedPlatform.userOnly(new Audience("vizgate")),
                        new PlatformKeys.Jwks(URI.create("https://p.example.com/jwks")))))).build())
                .isInstanceOf(SettingsException.class);
        try (var vizgate = Vizgate.builder().tableau(managed()).secretStore("memory", store).rotation(rotation).build()) {
            assertThat(vizgate.rotation()).isPresent();
            assertThat(vizgate.rotation().get().plan()).hasSize(7);
        }
        try (var vizgate = Vizgate.builder().tableau(managed()).secretStore("memory", store).rotation(rotation).build()) {
            assertThat(vizgate.scheduledRotation()).as("no schedule without every").isEmpty();
        }
        try (var vizgate = Vizgate.builder().tableau(managed()).secretStore("memory", store).rotation(rotation.every(Duration.ofDays(30))).build()) {
            var scheduled = vizgate.scheduledRotation().orElseThrow();
            assertThat(scheduled.plan().every()).isEqualTo(Duration.ofDays(30));
            assertThat(scheduled.plan().name()).startsWith("rotation:");
            assertThat(scheduled.plan().ttl()).as("longer than the rotation's longest wait").isGreaterThan(Duration.ofMinutes(15));
            assertThat(scheduled.due()).as("a store that does not date the secret makes it due at once").isBeforeOrEqualTo(Instant.now());
        }
        Assertions.assertThatIllegalArgumentException().isThrownBy(() -> rotation.every(Duration.ZERO));
        Assertions.assertThatIllegalArgumentException().isThrownBy(() -> rotation.every(Duration.ofDays(-1)));
        Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new RotationSettings(" ", new SecretSource.Value("p"), Duration.ZERO));
        Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new RotationSettings("n", new SecretSource.Value("p"), Duration.ofSeconds(-1)));
    }
}
