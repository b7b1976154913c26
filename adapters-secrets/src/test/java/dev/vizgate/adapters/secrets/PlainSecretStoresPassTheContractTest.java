package dev.vizgate.adapters.secrets;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.testing.SecretStoreContract;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Today's forms (environment, files, inline values) as adapters of the one SecretStore port, under its contract. */
class PlainSecretStoresPassTheContractTest {
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Nested
    class Environment extends SecretStoreContract {
        private final Map<String, String> env = new ConcurrentHashMap<>();

        @Override
        protected SecretStore store() {
            return new EnvironmentSecretStore(env::get);
        }

        @Override
        protected void write(SecretRef ref, String value) {
            env.put(ref.location(), value);
        }

        @Override
        protected SecretRef freshRef() {
            return SecretRef.of("env", "VIZGATE_TEST_" + NEXT.incrementAndGet());
        }

        @Override
        protected SecretRef missingRef() {
            return SecretRef.of("env", "VIZGATE_NOT_SET_ANYWHERE");
        }

        /** An environment is always reachable; a store whose lookup fails stands in for the unreachable case. */
        @Override
        protected SecretStore unreachableStore() {
            return ref -> new SecretFetch.Unavailable("not applicable to the environment");
        }
    }

    @Nested
    class Files_ extends SecretStoreContract {
        @TempDir
        Path dir;

        @Override
        protected SecretStore store() {
            return new FileSecretStore(dir);
        }

        @Override
        protected void write(SecretRef ref, String value) {
            try {
                Files.writeString(dir.resolve(ref.location()), value + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected SecretRef freshRef() {
            return SecretRef.of("file", "secret-" + NEXT.incrementAndGet() + ".txt");
        }

        @Override
        protected SecretRef missingRef() {
            return SecretRef.of("file", "none.txt");
        }

        /** A path that is a folder cannot be read: the store answers Unavailable, not Missing. */
        @Override
        protected SecretStore unreachableStore() {
            return ref -> new FileSecretStore(dir).fetch(SecretRef.of("file", "."));
        }

        @Test
        void givenAnEmptyFile_fetch_isMissing_neverAnEmptySecret() throws IOException {
            Files.writeString(dir.resolve("empty.txt"), "\n");
            assertThat(new FileSecretStore(dir).fetch(SecretRef.of("file", "empty.txt"))).isInstanceOf(SecretFetch.Missing.class);
        }

        @Test
        void givenAnAbsolutePath_fetch_readsIt() throws IOException {
            var file = dir.resolve("abs.txt");
            Files.writeString(file, "absolute-value");
            assertThat(new FileSecretStore(Path.of("/nonexistent")).fetch(SecretRef.of("file", file.toString())))
                    .isInstanceOfSatisfying(SecretFetch.Found.class, f -> assertThat(f.secret().value()).isEqualTo("absolute-value"));
        }
    }

    @Nested
    class Inline extends SecretStoreContract {
        private final InlineSecretStore inline = new InlineSecretStore();

        @Override
        protected SecretStore store() {
            return inline;
        }

        @Override
        protected void write(SecretRef ref, String value) {
            inline.hold(ref.location(), value);
        }

        @Override
        protected SecretRef freshRef() {
            return SecretRef.of("inline", "callers.x[" + NEXT.incrementAndGet() + "]");
        }

        @Override
        protected SecretRef missingRef() {
            return SecretRef.of("inline", "nowhere");
        }

        @Override
        protected SecretStore unreachableStore() {
            return ref -> new SecretFetch.Unavailable("not applicable to inline values");
        }

        @Test
        void inlineStore_neverPrintsItsValues_andRefusesAnEmptyOne() {
            inline.hold("a", "inline-CANARY");
            assertThat(inline.toString()).doesNotContain("CANARY");
            Assertions.assertThatIllegalArgumentException().isThrownBy(() -> inline.hold("b", ""));
        }
    }

    @Test
    void versions_changeWithTheValue_andRevealNothingOfIt() {
        var a = Versions.of("value-one");
        assertThat(Versions.of("value-one")).isEqualTo(a);
        assertThat(Versions.of("value-two")).isNotEqualTo(a);
        assertThat(a.value()).startsWith("h-").hasSize(18).doesNotContain("value");
    }
}
