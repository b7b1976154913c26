package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.InstanceUrl;
import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.RefreshTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link RefreshTokens} must do. */
public abstract class RefreshTokensContract {
    protected abstract RefreshTokens createStore();

    private static final RefreshTokens.Grant GRANT = new RefreshTokens.Grant(new RefreshToken("5Aep861-refresh"), InstanceUrl.of("https://acme.my.salesforce.com"));

    @Test
    void givenSavedGrant_find_returnsIt() {
        var store = createStore();
        store.save(new Subject("alice@acme.com"), GRANT);
        assertThat(store.find(new Subject("alice@acme.com"))).contains(GRANT);
        assertThat(store.find(new Subject("bob@acme.com"))).isEmpty();
    }

    @Test
    void givenNewGrant_save_replacesTheOld() {
        var store = createStore();
        store.save(new Subject("alice@acme.com"), GRANT);
        var newer = new RefreshTokens.Grant(new RefreshToken("5Aep861-newer"), InstanceUrl.of("https://acme.my.salesforce.com"));
        store.save(new Subject("alice@acme.com"), newer);
        assertThat(store.find(new Subject("alice@acme.com"))).contains(newer);
    }

    @Test
    void forget_removesTheGrant() {
        var store = createStore();
        store.save(new Subject("alice@acme.com"), GRANT);
        store.forget(new Subject("alice@acme.com"));
        assertThat(store.find(new Subject("alice@acme.com"))).isEmpty();
    }
}
