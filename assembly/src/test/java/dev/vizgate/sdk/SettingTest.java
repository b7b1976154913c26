package dev.vizgate.sdk;

import dev.vizgate.domain.model.SettingId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A setting says which one it is in words for a library user, and in a stable machine name for metric tags. */
class SettingTest {
    @Test
    void aSetting_isItsIdItsPositionsAndItsPart() {
        var key = Setting.at(SettingId.CONNECTED_APP_SIGNING_KEY, 1);
        assertThat(key).isEqualTo(new Setting(SettingId.CONNECTED_APP_SIGNING_KEY, List.of("1"), Optional.empty()));
        assertThat(key.then(2).at()).containsExactly("1", "2");
        assertThat(key.algorithm().part()).contains(Setting.Part.ALGORITHM);
        assertThat(key.algorithm().at()).containsExactly("1");
        assertThat(Setting.named(SettingId.SECRET_STORE, "vault").at()).containsExactly("vault");
        assertThat(Setting.of(SettingId.STORE_URL).at()).isEmpty();
    }

    @Test
    void words_andKey_nameTheSettingWithoutAnyFilesVocabulary() {
        assertThat(Setting.of(SettingId.STORE_URL)).hasToString("the Redis store's URL");
        assertThat(Setting.at(SettingId.CONNECTED_APP_SIGNING_KEY, 1).algorithm()).hasToString("the algorithm of an EAS signing key [1]");
        assertThat(Setting.of(SettingId.STORE_URL).key()).isEqualTo("store-url");
        assertThat(Setting.at(SettingId.CONNECTED_APP_SECRET_VALUE, 0).key()).isEqualTo("connected-app-secret-value[0]");
        assertThat(Setting.at(SettingId.CONNECTED_APP_SIGNING_KEY, 1).algorithm().key()).isEqualTo("connected-app-signing-key[1].alg");
        assertThat(new SettingsException(Setting.of(SettingId.STORE_URL), "is not a URL", "write redis://host:6379"))
                .hasMessage("the Redis store's URL: is not a URL (write redis://host:6379)");
    }
}
