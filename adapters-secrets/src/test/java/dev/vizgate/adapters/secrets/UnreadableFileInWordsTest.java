package dev.vizgate.adapters.secrets;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A secret file that exists but cannot be read is reported in words (not UTF-8, a folder), never a Java class name. */
class UnreadableFileInWordsTest {
    @TempDir
    Path dir;

    @Test
    void givenAFileThatIsNotUtf8_fetch_saysSo() throws Exception {
        Files.write(dir.resolve("secret.bin"), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        var fetch = new FileSecretStore(dir).fetch(SecretRef.of("file", "secret.bin"));
        assertThat(fetch).isInstanceOfSatisfying(SecretFetch.Unavailable.class, u -> assertThat(u.detail())
                .contains("cannot be read (it is not UTF-8 text)").doesNotContainPattern("[A-Z][A-Za-z]+(Exception|Error)"));
    }

    @Test
    void givenAFolderWhereTheFileShouldBe_fetch_saysItCannotBeRead_inWords() throws Exception {
        Files.createDirectory(dir.resolve("secret"));
        var fetch = new FileSecretStore(dir).fetch(SecretRef.of("file", "secret"));
        assertThat(fetch).isInstanceOfSatisfying(SecretFetch.Unavailable.class, u -> assertThat(u.detail())
                .contains("cannot be read").doesNotContainPattern("[A-Z][A-Za-z]+(Exception|Error)"));
    }
}
