package dev.vizgate.adapters.store;

import dev.vizgate.domain.port.ReplayLedger;
import dev.vizgate.domain.port.SessionCache;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.ReplayLedgerContract;
import dev.vizgate.domain.testing.SessionCacheContract;
import org.junit.jupiter.api.Nested;

/** The Caffeine adapters pass the same contracts as the fakes (and, later, the Redis adapters). */
class InMemoryAdaptersContractTest {
    @Nested
    class Ledger extends ReplayLedgerContract {
        @Override
        protected ReplayLedger createLedger(MutableClock clock) {
            return new CaffeineReplayLedger(clock);
        }
    }

    @Nested
    class Sessions extends SessionCacheContract {
        @Override
        protected SessionCache createCache(MutableClock clock) {
            return new CaffeineSessionCache(clock);
        }
    }

    @Nested
    class RefreshTokenStore extends dev.vizgate.domain.testing.RefreshTokensContract {
        @Override
        protected dev.vizgate.domain.port.RefreshTokens createStore() {
            return new CaffeineRefreshTokens(new MutableClock());
        }

        @Override
        protected dev.vizgate.domain.port.RefreshTokens createStore(MutableClock clock) {
            return new CaffeineRefreshTokens(clock);
        }
    }

    @Nested
    class Pending extends dev.vizgate.domain.testing.PendingAuthorizationsContract {
        @Override
        protected dev.vizgate.domain.port.PendingAuthorizations createStore(MutableClock clock) {
            return new CaffeinePendingAuthorizations(clock);
        }
    }

    @Nested
    class Tickets extends dev.vizgate.domain.testing.SignInTicketsContract {
        @Override
        protected dev.vizgate.domain.port.SignInTickets createStore(MutableClock clock) {
            return new CaffeineSignInTickets(clock);
        }
    }

    @Nested
    class Budgets extends dev.vizgate.domain.testing.RequestBudgetsContract {
        @Override
        protected dev.vizgate.domain.port.RequestBudgets createBudgets(MutableClock clock) {
            return new CaffeineRequestBudgets(clock, 10_000);
        }
    }
}
