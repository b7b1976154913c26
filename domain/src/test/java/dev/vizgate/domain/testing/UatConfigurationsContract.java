package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.UatAdminOutcome;
import dev.vizgate.domain.model.UatConfiguration;
import dev.vizgate.domain.port.UatConfigurations;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link UatConfigurations} must do (tableau.md §8): a created configuration gets Cloud Manager's id and is
 * listed with every field as sent; a deleted one is listed no more; deleting one that is not there is Refused; an
 * unreachable Cloud Manager is Unavailable, not an exception.
 */
public abstract class UatConfigurationsContract {
    protected static final Issuer ISSUER = new Issuer("https://vizgate.example.com");
    protected static final UatConfiguration DRAFT = UatConfiguration.draft("Vizgate", ISSUER, URI.create("https://vizgate.example.com/.well-known/jwks.json"),
            "email", List.of("0b5a2d4e-1c3f-4a5b-8c7d-9e0f1a2b3c4d"), List.of("tableau:views:embed", "tableau:content:read"));

    /** The adapter under test, over a tenant with no UAT configuration. */
    protected abstract UatConfigurations emptyTenant();

    /** An adapter whose Cloud Manager cannot be reached. */
    protected abstract UatConfigurations unreachable();

    @Test
    void givenEmptyTenant_list_answersNone() {
        assertThat(emptyTenant().list()).isEqualTo(new UatAdminOutcome.Listed(List.of()));
    }

    @Test
    void create_answersTheConfigurationWithAnId_andListShowsEveryField() {
        var tenant = emptyTenant();
        var saved = ((UatAdminOutcome.Saved) tenant.create(DRAFT)).configuration();
        assertThat(saved.id()).isPresent();
        assertThat(saved.sameAs(DRAFT)).as(saved.differencesFrom(DRAFT).toString()).isTrue();
        assertThat(((UatAdminOutcome.Listed) tenant.list()).configurations()).singleElement()
                .satisfies(c -> assertThat(c.sameAs(DRAFT)).as(c.differencesFrom(DRAFT).toString()).isTrue())
                .satisfies(c -> assertThat(c.id()).isEqualTo(saved.id()));
    }

    @Test
    void delete_removesIt_andDeletingWhatIsNotThere_isRefused() {
        var tenant = emptyTenant();
        var saved = ((UatAdminOutcome.Saved) tenant.create(DRAFT)).configuration();
        assertThat(tenant.delete(saved.id().orElseThrow())).isEqualTo(new UatAdminOutcome.Deleted(saved.id().orElseThrow()));
        assertThat(tenant.list()).isEqualTo(new UatAdminOutcome.Listed(List.of()));
        assertThat(tenant.delete(saved.id().orElseThrow())).isInstanceOf(UatAdminOutcome.Refused.class);
    }

    @Test
    void givenUnreachableCloudManager_list_isUnavailable() {
        assertThat(unreachable().list()).isInstanceOf(UatAdminOutcome.Unavailable.class);
    }
}
