package dev.vizgate.app.cli;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.KeyMaterial;
import dev.vizgate.sdk.KeySpec;
import dev.vizgate.sdk.TableauAdmin;
import dev.vizgate.sdk.TableauSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Field reports (tableau.md §7, UNVERIFIED): a Tableau Cloud site wants aud "tableau:<site-luid>"; doctor says which. */
class TableauCloudAudienceTest {
    private static final String LUID = "0b5e8a52-7d1c-4c7e-9a3e-5f9f2d1c0a11";

    private static TableauSettings on(String server) throws Exception {
        var eas = new ConnectedApp.Eas(new Issuer("https://vizgate.example.com"),
                List.of(KeySpec.of(new KeyMaterial.InMemory(EasCommandsTest.rsa().getPrivate()))));
        return TableauSettings.of(URI.create(server), new SiteContentUrl("acme"), eas);
    }

    @Test
    void givenTableauCloudPod_theSiteWantsTheLuidForm() throws Exception {
        assertThat(TableauAdmin.cloudAudience(on("https://10ax.online.tableau.com"), LUID)).contains("tableau:" + LUID);
        assertThat(TableauAdmin.cloudAudience(on("https://tableau.example.com"), LUID)).isEmpty();
    }

    @Test
    void givenCloudPodWithTheServerForm_doctor_warns_andNamesTheLuidValue() throws Exception {
        var findings = SiteAudience.check(on("https://prod-useast-a.online.tableau.com"), Audience.TABLEAU, Optional.of(new TableauAdmin.SiteLookup.Found(LUID)));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(DoctorCommand.Level.WARN);
            assertThat(f.fix()).isEqualTo("set tableau.connected-app.audience: \"tableau:" + LUID + "\"");
        });
    }

    @Test
    void givenCloudPodWithoutAdminToken_doctor_saysHowToLearnTheLuid() throws Exception {
        var findings = SiteAudience.check(on("https://10ax.online.tableau.com"), Audience.TABLEAU, Optional.empty());
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.fix()).contains("tableau.admin.personal-access-token"));
    }
}
