package dev.vizgate.adapters.vault;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.testing.SecretStoreContract;
import dev.vizgate.sandbox.VaultStandIn;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Vault adapter, through the real vault-java-driver, against the KV v2 stand-in over loopback: token and AppRole
 * logins and a Vault Enterprise namespace each pass the port's contract.
 */
class VaultKvSecretStorePassesTheContractTest {
    static VaultStandIn vault;
    static final AtomicInteger NEXT = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        vault = VaultStandIn.start(Clock.systemUTC(), Optional.of("team-a")).token("hvs.root-token").appRole("role-1", "secret-1");
    }

    @AfterAll
    static void stop() {
        vault.close();
    }

    static VaultSettings settings(VaultSettings.Auth auth) {
        return new VaultSettings(vault.baseUrl(), auth, Optional.of("team-a"), Optional.empty(), Duration.ofSeconds(2));
    }

    abstract static class OverTheStandIn extends SecretStoreContract {
        @Override
        protected void write(SecretRef ref, String value) {
            var slash = ref.location().indexOf('/');
            vault.write(ref.location().substring(0, slash), ref.location().substring(slash + 1), Map.of(ref.field().orElse("value"), value));
        }

        @Override
        protected SecretRef freshRef() {
            return SecretRef.of("vault", "secret/vizgate/app-" + NEXT.incrementAndGet()).field("value");
        }

        @Override
        protected SecretRef missingRef() {
            return SecretRef.of("vault", "secret/vizgate/none");
        }

        @Override
        protected SecretStore unreachableStore() {
            return new VaultKvSecretStore(new VaultSettings(URI.create("http://127.0.0.1:1"), new VaultSettings.Auth.Token("t"), Optional.empty(),
                    Optional.empty(), Duration.ofSeconds(1)));
        }
    }

    @Nested
    class WithAToken extends OverTheStandIn {
        @Override
        protected SecretStore store() {
            return new VaultKvSecretStore(settings(new VaultSettings.Auth.Token("hvs.root-token")));
        }
    }

    @Nested
    class WithAnAppRole extends OverTheStandIn {
        @Override
        protected SecretStore store() {
            return new VaultKvSecretStore(settings(new VaultSettings.Auth.AppRole("role-1", "secret-1", "approle")));
        }
    }

    @Test
    void givenAFieldTheSecretLacks_fetch_isMissing() {
        vault.write("secret", "vizgate/fields", Map.of("value", "v"));
        var store = new VaultKvSecretStore(settings(new VaultSettings.Auth.Token("hvs.root-token")));
        assertThat(store.fetch(SecretRef.of("vault", "secret/vizgate/fields").field("other"))).isInstanceOf(SecretFetch.Missing.class);
        assertThat(store.fetch(SecretRef.of("vault", "secret/vizgate/fields"))).isInstanceOf(SecretFetch.Found.class);
    }

    @Test
    void givenAWrongTokenOrNamespace_orASealedVault_fetch_isUnavailable_soTheLastGoodValueServes() {
        vault.write("secret", "vizgate/guarded", Map.of("value", "v"));
        var ref = SecretRef.of("vault", "secret/vizgate/guarded");
        assertThat(new VaultKvSecretStore(settings(new VaultSettings.Auth.Token("hvs.wrong"))).fetch(ref)).isInstanceOf(SecretFetch.Unavailable.class);
        var otherNamespace = new VaultSettings(vault.baseUrl(), new VaultSettings.Auth.Token("hvs.root-token"), Optional.of("team-b"), Optional.empty(),
                Duration.ofSeconds(2));
        assertThat(new VaultKvSecretStore(otherNamespace).fetch(ref)).isInstanceOf(SecretFetch.Unavailable.class);
        assertThat(new VaultKvSecretStore(settings(new VaultSettings.Auth.AppRole("role-1", "wrong", "approle"))).fetch(ref))
                .isInstanceOf(SecretFetch.Unavailable.class);
        vault.sealed(true);
        try {
            assertThat(new VaultKvSecretStore(settings(new VaultSettings.Auth.Token("hvs.root-token"))).fetch(ref))
                    .isInstanceOfSatisfying(SecretFetch.Unavailable.class, u -> assertThat(u.detail()).contains("503"));
        } finally {
            vault.sealed(false);
        }
    }

    @Test
    void vaultSettings_refusePlainHttpOffLoopback_andNeverPrintCredentials() {
        assertThatIllegalArgumentException().isThrownBy(() -> new VaultSettings(URI.create("http://vault.internal:8200"),
                new VaultSettings.Auth.Token("t"), Optional.empty(), Optional.empty(), Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new VaultSettings.Auth.AppRole("r", "s", "../x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new VaultSettings.Auth.Token(" "));
        assertThat(new VaultSettings.Auth.Token("hvs.CANARY").toString()).doesNotContain("CANARY");
        assertThat(new VaultSettings.Auth.AppRole("role-1", "CANARY", "approle").toString()).doesNotContain("CANARY").contains("role-1");
        assertThat(new VaultKvSecretStore(settings(new VaultSettings.Auth.Token("hvs.CANARY"))).toString()).doesNotContain("CANARY");
    }

    @Test
    void write_addsAKvVersion_thatTheNextReadAnswers_withAppRoleToo() {
        var store = new VaultKvSecretStore(settings(new VaultSettings.Auth.AppRole("role-1", "secret-1", "approle")));
        var ref = SecretRef.of("vault", "secret/vizgate/written").field("value");
        store.write(ref, "written-once");
        store.write(ref, "written-twice");
        assertThat(store.fetch(ref)).isInstanceOfSatisfying(SecretFetch.Found.class, f -> {
            assertThat(f.secret().value()).isEqualTo("written-twice");
            assertThat(f.secret().version().value()).isEqualTo("v2");
            assertThat(f.secret().createdAt()).isPresent();
        });
        vault.sealed(true);
        try {
            Assertions.assertThatThrownBy(() -> store.write(ref, "x"))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("503");
        } finally {
            vault.sealed(false);
        }
    }
}
