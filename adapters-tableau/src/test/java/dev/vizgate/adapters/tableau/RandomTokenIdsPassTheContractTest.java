package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.port.TokenIds;
import dev.vizgate.domain.testing.TokenIdsContract;

/** The production {@link TokenIds} keeps the port's contract. */
class RandomTokenIdsPassTheContractTest extends TokenIdsContract {
    @Override
    protected TokenIds createTokenIds() {
        return new RandomTokenIds();
    }
}
