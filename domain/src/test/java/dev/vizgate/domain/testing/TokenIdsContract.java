package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.port.TokenIds;
import org.junit.jupiter.api.Test;

import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link TokenIds} must do. */
public abstract class TokenIdsContract {
    protected abstract TokenIds createTokenIds();

    @Test
    void given10000Calls_next_neverRepeats() {
        var ids = createTokenIds();
        var seen = new HashSet<TokenId>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ids.next())).isTrue();
        }
    }
}
