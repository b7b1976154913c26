package dev.vizgate.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configuration's values may be logged or shown in a debugger: each record that can hold a secret, a key or a password
 * says what it is and where it comes from, never the value; and a ConfigError never repeats a value from the environment.
 */
class ConfigNeverPrintsSecretsTest {
    static final String SECRET = "s3cr3t-value-that-must-not-show";

    @TempDir
    Path dir;

    @Test
    void recordsThatHoldSecrets_sayWhatTheyAre_withoutTheValue() {
        var shown = List.of(
                new SecretText.Plain(SECRET).toString(),
                new KeyRef.Text(SECRET, Optional.empty(), Optional.empty()).toString(),
                new KeyRef.PemFile("keys/a.pem", Optional.of(SECRET), Optional.empty(), Optional.empty()).toString(),
                new KeyRef.KeyStoreEntry("keys/a.p12", "eas", Optional.of(SECRET), Optional.of(SECRET), Optional.empty(), Optional.empty()).toString(),
                new KeyRef.Stored("vault", "secret/eas", Optional.empty(), Optional.empty(), Optional.empty()).toString(),
                new KeyRef.Pkcs11("hsm.cfg", "eas", Optional.of(SECRET), Optional.empty(), Optional.empty()).toString(),
                new VizgateConfig.Secret("id-1", new SecretText.Plain(SECRET)).toString(),
                new VizgateConfig.ApiKey("portal", new SecretText.Plain(SECRET), null, null).toString(),
                new VizgateConfig.Tls("tls.p12", SECRET).toString(),
                new VizgateConfig.AppRole("role", SECRET, null).toString(),
                new VizgateConfig.PersonalAccessToken("pat", new SecretText.Plain(SECRET)).toString(),
                new ServerMapping.Tls(Path.of("tls.p12"), SECRET).toString(),
                new VizgateConfig.Store("redis", "redis://:" + SECRET + "@cache:6379", new SecretText.Plain(SECRET), null, null, null).toString(),
                new VizgateConfig.SecretStore("https://vault.example.com", SECRET, null, null, null, null, null, null).toString(),
                new VizgateConfig.SecretStore(null, null, null, null, null, "eu-west-1", null, null).toString(),
                new VizgateConfig.Salesforce("https://acme.my.salesforce.com", null, "key", new SecretText.Plain(SECRET),
                        new KeyRef.Text(SECRET, Optional.empty(), Optional.empty()), null, "jwt-bearer", null, null, null, null, null, null, null, null, null).toString());
        assertThat(shown).allSatisfy(s -> assertThat(s).isNotBlank().doesNotContain(SECRET));
        assertThat(shown.get(0)).contains("redacted");
        assertThat(shown.get(1)).contains("inline");
        assertThat(new KeyRef.Text("file:keys/a.pem", Optional.empty(), Optional.empty()).toString()).contains("keys/a.pem");
        assertThat(shown.get(2)).contains("keys/a.pem");
        assertThat(shown.get(3)).contains("keys/a.p12").contains("eas");
        assertThat(shown.get(4)).contains("vault").contains("secret/eas");
        assertThat(shown.get(5)).contains("hsm.cfg");
        assertThat(shown.get(6)).contains("id-1");
        assertThat(shown.get(7)).contains("portal");
        assertThat(shown.get(8)).contains("tls.p12");
        assertThat(shown.get(10)).contains("pat");
        assertThat(shown.get(11)).contains("tls.p12");
        assertThat(shown.get(12)).contains("redis");
        assertThat(shown.get(13)).contains("https://vault.example.com");
        assertThat(shown.get(14)).contains("eu-west-1");
        assertThat(shown.get(15)).contains("https://acme.my.salesforce.com").contains("jwt-bearer");
    }

    @Test
    void aConfigError_withholdsEveryValueTakenFromTheEnvironment_butNotShortOnes() {
        var files = new ConfigFiles(dir, Set.of(SECRET, "abc"));
        var error = files.redact(new ConfigError("tableau.site", "site '" + SECRET + "' abc is wrong", "do not write " + SECRET));
        assertThat(error.path()).isEqualTo("tableau.site");
        assertThat(error.getMessage()).doesNotContain(SECRET).contains("(a value from the environment)").contains("abc");
        assertThat(error.fix()).doesNotContain(SECRET);
        var untouched = new ConfigError("tableau.site", "nothing from the environment", "none");
        assertThat(files.redact(untouched)).isSameAs(untouched);
        var onlyInFix = files.redact(new ConfigError("x", "plain", "use " + SECRET));
        assertThat(onlyInFix.fix()).doesNotContain(SECRET);
        assertThat(files.toString()).doesNotContain(SECRET);
    }
}
