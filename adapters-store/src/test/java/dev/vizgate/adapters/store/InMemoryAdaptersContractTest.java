package dev.vizgate.adapters.store;

import dev.vizgate.domain.port.PendingAuthorizations;
import dev.vizgate.domain.port.RefreshTokens;
import dev.vizgate.domain.port.ReplayLedger;
import dev.vizgate.domain.port.RequestBudgets;
import dev.vizgate.domain.port.RotationLeases;
import dev.vizgate.domain.port.SessionCache;
import dev.vizgate.domain.port.SignInTickets;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.PendingAuthorizationsContract;
import dev.vizgate.domain.testing.RefreshTokensContract;
import dev.vizgate.domain.testing.ReplayLedgerContract;
import dev.vizgate.domain.testing.RequestBudgetsContract;
import dev.vizgate.domain.testing.RotationLeasesContract;
import dev.vizgate.domain.testing.SessionCacheContract;
import dev.vizgate.domain.testing.SignInTicketsContract;
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
    class RefreshTokenStore extends RefreshTokensContract {
        @Override
        protected RefreshTokens createStore() {
            return new CaffeineRefreshTokens(new MutableClock());
        }

        @Override
        protected RefreshTokens createStore(MutableClock clock) {
            return new CaffeineRefreshTokens(clock);
        }
    }

    @Nested
    class Pending extends PendingAuthorizationsContract {
        @Override
        protected PendingAuthorizations createStore(MutableClock clock) {
            return new CaffeinePendingAuthorizations(clock);
        }
    }

    @Nested
    class Tickets extends SignInTicketsContract {
        @Override
        protected SignInTickets createStore(MutableClock clock) {
            return new CaffeineSignInTickets(clock);
        }
    }

    @Nested
    class Leases extends RotationLeasesContract {
        @Override
        protected RotationLeases createLeases(MutableClock clock) {
            return new LocalRotationLeases(clock);
        }
    }

    @Nested
    class Budgets extends RequestBudgetsContract {
        @Override
        protected RequestBudgets createBudgets(MutableClock clock) {
            return new CaffeineRequestBudgets(clock, 10_000);
        }
    }
}
