package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.SecretAdminOutcome;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.port.ConnectedAppSecretAdmin;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ConnectedAppSecretAdmin} must do, by Tableau's rules (tableau.md §7): at most two secrets, a third
 * create is error 128; a deleted secret is gone; deleting what is gone is NotFound, not an error.
 */
public abstract class ConnectedAppSecretAdminContract {
    /** The adapter under test, over a Connected App that holds no secret yet. */
    protected abstract ConnectedAppSecretAdmin emptyApp();

    /** An adapter whose Tableau cannot be reached. */
    protected abstract ConnectedAppSecretAdmin unreachable();

    @Test
    void create_answersANewSecretWithItsValue_thatExistsAfterwards() {
        var admin = emptyApp();
        var created = (SecretAdminOutcome.Created) admin.create();
        assertThat(created.value()).isNotBlank();
        assertThat(created.toString()).doesNotContain(created.value());
        assertThat(admin.exists(created.id())).isEqualTo(new SecretAdminOutcome.Exists(created.id()));
    }

    @Test
    void list_answersTheIdsTheAppHolds() {
        var admin = emptyApp();
        assertThat(admin.list()).isEqualTo(new SecretAdminOutcome.Listed(Set.of()));
        var a = (SecretAdminOutcome.Created) admin.create();
        var b = (SecretAdminOutcome.Created) admin.create();
        assertThat(admin.list()).isEqualTo(new SecretAdminOutcome.Listed(Set.of(a.id(), b.id())));
    }

    @Test
    void givenTwoSecrets_aThirdCreate_isTheLimit_error128() {
        var admin = emptyApp();
        var a = (SecretAdminOutcome.Created) admin.create();
        var b = (SecretAdminOutcome.Created) admin.create();
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(admin.create()).isInstanceOf(SecretAdminOutcome.LimitReached.class);
    }

    @Test
    void delete_removesTheSecret_andMakesRoomForAnother() {
        var admin = emptyApp();
        var a = (SecretAdminOutcome.Created) admin.create();
        admin.create();
        assertThat(admin.delete(a.id())).isEqualTo(new SecretAdminOutcome.Deleted(a.id()));
        assertThat(admin.exists(a.id())).isEqualTo(new SecretAdminOutcome.NotFound(a.id()));
        assertThat(admin.create()).isInstanceOf(SecretAdminOutcome.Created.class);
    }

    @Test
    void deletingWhatIsGone_isNotFound() {
        var admin = emptyApp();
        var gone = new SecretId("0f0f0f0f-gone");
        assertThat(admin.delete(gone)).isEqualTo(new SecretAdminOutcome.NotFound(gone));
    }

    @Test
    void givenTableauOutOfReach_everyCall_isUnavailable() {
        var admin = unreachable();
        assertThat(admin.create()).isInstanceOf(SecretAdminOutcome.Unavailable.class);
        assertThat(admin.list()).isInstanceOf(SecretAdminOutcome.Unavailable.class);
        assertThat(admin.exists(new SecretId("x"))).isInstanceOf(SecretAdminOutcome.Unavailable.class);
        assertThat(admin.delete(new SecretId("x"))).isInstanceOf(SecretAdminOutcome.Unavailable.class);
    }
}
