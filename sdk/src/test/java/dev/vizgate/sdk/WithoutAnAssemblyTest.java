package dev.vizgate.sdk;

import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SiteContentUrl;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sdk's own test classpath is what a user who forgot vizgate-assembly has: the sdk and the domain. Building then
 * says what to add, in words, instead of a ServiceConfigurationError or a NullPointerException.
 */
class WithoutAnAssemblyTest {
    private static final TableauSettings SETTINGS = TableauSettings.of(URI.create("https://10ax.online.tableau.com"), new SiteContentUrl("acme"),
            ConnectedApp.Direct.of(new ClientId("client"), new SecretId("secret-id"), "a-connected-app-secret-of-at-least-32-bytes"));

    @Test
    void givenNoAssemblyOnTheClasspath_build_namesTheArtifactToAdd() {
        assertThatThrownBy(() -> Vizgate.builder().tableau(SETTINGS).build())
                .isInstanceOfSatisfying(AssemblyMissing.class, e -> assertThat(e.fix()).contains("dev.vizgate:vizgate-assembly", "<scope>runtime</scope>"))
                .hasMessageStartingWith("no Vizgate assembly is on the runtime classpath");
    }

    @Test
    void givenNoAssemblyOnTheClasspath_findingItAhead_leavesBuildToSayWhatToAdd() {
        Vizgate.findAssemblyAhead();
        assertThatThrownBy(() -> Vizgate.builder().tableau(SETTINGS).build()).isInstanceOf(AssemblyMissing.class)
                .hasMessageStartingWith("no Vizgate assembly is on the runtime classpath");
    }

    @Test
    void givenNoAssemblyOnTheClasspath_theOtherFrontDoors_sayTheSame() {
        assertThatThrownBy(() -> Inspection.inspector(Duration.ofMinutes(10), Clock.systemUTC())).isInstanceOf(AssemblyMissing.class);
        assertThatThrownBy(() -> TableauAdmin.of(SETTINGS, "admin", "pat-secret")).isInstanceOf(AssemblyMissing.class);
    }

    @Test
    void givenNothingToBuild_theSettingsAreRefusedBeforeAnyAssemblyIsSought() {
        assertThatThrownBy(() -> Vizgate.builder().build()).isInstanceOf(SettingsException.class).hasMessageContaining("nothing to build");
    }
}
