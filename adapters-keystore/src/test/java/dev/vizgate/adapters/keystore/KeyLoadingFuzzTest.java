package dev.vizgate.adapters.keystore;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the PEM and base64-DER loaders with whatever a variable or file might hold. Every input either loads or
 * ends in a {@link KeyMaterialException} naming its source, never another exception, and the message never echoes
 * the material. Regression inputs (the committed test keys, cut and corrupted) live under
 * {@code src/test/resources/dev/vizgate/adapters/keystore/KeyLoadingFuzzTestInputs/}.
 */
class KeyLoadingFuzzTest {
    static final String SOURCE = "VIZGATE_FUZZ_KEY";
    // A run of key material long enough that it cannot be a word of a message.
    static final Pattern MATERIAL = Pattern.compile("[A-Za-z0-9+/=_-]{20,}");

    @FuzzTest
    void anyText_everyLoader_loadsOrRefusesWithATypedError(byte[] input) {
        var text = new String(input, StandardCharsets.UTF_8);
        var in = new KeyInput.FromText(SOURCE, text);
        loadsOrRefuses(text, () -> PemKeys.privateKey(in, Optional.empty()));
        loadsOrRefuses(text, () -> PemKeys.privateKey(in, Optional.of("fuzz-password".toCharArray())));
        loadsOrRefuses(text, () -> PemKeys.publicKey(in));
        loadsOrRefuses(text, () -> PemKeys.certificate(in));
    }

    private static void loadsOrRefuses(String text, Supplier<?> load) {
        try {
            assertThat(load.get()).isNotNull();
        } catch (KeyMaterialException e) {
            assertThat(e.getMessage()).contains(SOURCE);
            var material = MATERIAL.matcher(text);
            while (material.find()) {
                assertThat(e.getMessage()).doesNotContain(material.group());
            }
        }
    }
}
