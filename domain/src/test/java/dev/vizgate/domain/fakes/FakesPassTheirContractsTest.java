package dev.vizgate.domain.fakes;

import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.port.ReplayLedger;
import dev.vizgate.domain.port.SessionCache;
import dev.vizgate.domain.port.TokenIds;
import dev.vizgate.domain.port.TokenSigner;
import dev.vizgate.domain.testing.FakeKeySource;
import dev.vizgate.domain.testing.FakeTokenSigner;
import dev.vizgate.domain.testing.InMemoryReplayLedger;
import dev.vizgate.domain.testing.InMemorySessionCache;
import dev.vizgate.domain.testing.KeySourceContract;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.ReplayLedgerContract;
import dev.vizgate.domain.testing.SequentialTokenIds;
import dev.vizgate.domain.testing.SessionCacheContract;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.domain.testing.TokenIdsContract;
import dev.vizgate.domain.testing.TokenSignerContract;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.port.TokenVerifier;
import dev.vizgate.domain.testing.FakeTokenVerifier;
import dev.vizgate.domain.testing.TokenVerifierContract;
import dev.vizgate.domain.testing.FakeTableauSignIn;
import dev.vizgate.domain.testing.TableauSignInContract;
import dev.vizgate.domain.port.TableauSignIn;
import dev.vizgate.domain.model.SignInOutcome;
import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.FrontdoorOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.port.SalesforceAuthorization;
import dev.vizgate.domain.testing.FakeSalesforceAuthorization;
import dev.vizgate.domain.testing.SalesforceAuthorizationContract;
import org.junit.jupiter.api.Nested;

import java.util.Map;
import java.util.UUID;

/** The fakes the use-case tests rely on obey the same contracts as the real adapters. */
class FakesPassTheirContractsTest {
    @Nested
    class LedgerFake extends ReplayLedgerContract {
        @Override
        protected ReplayLedger createLedger(MutableClock clock) {
            return new InMemoryReplayLedger(clock);
        }
    }

    @Nested
    class SessionCacheFake extends SessionCacheContract {
        @Override
        protected SessionCache createCache(MutableClock clock) {
            return new InMemorySessionCache(clock);
        }
    }

    @Nested
    class PendingAuthorizationsFake extends dev.vizgate.domain.testing.PendingAuthorizationsContract {
        @Override
        protected dev.vizgate.domain.port.PendingAuthorizations createStore(MutableClock clock) {
            return new dev.vizgate.domain.testing.InMemoryPendingAuthorizations(clock);
        }
    }

    @Nested
    class RefreshTokensFake extends dev.vizgate.domain.testing.RefreshTokensContract {
        @Override
        protected dev.vizgate.domain.port.RefreshTokens createStore() {
            return new dev.vizgate.domain.testing.InMemoryRefreshTokens();
        }

        @Override
        protected dev.vizgate.domain.port.RefreshTokens createStore(MutableClock clock) {
            return new dev.vizgate.domain.testing.InMemoryRefreshTokens(clock);
        }
    }

    @Nested
    class SecretStoreFake extends dev.vizgate.domain.testing.SecretStoreContract {
        private final dev.vizgate.domain.testing.InMemorySecretStore store = new dev.vizgate.domain.testing.InMemorySecretStore();
        private int next;

        @Override
        protected dev.vizgate.domain.port.SecretStore store() {
            return store;
        }

        @Override
        protected void write(dev.vizgate.domain.model.SecretRef ref, String value) {
            store.put(ref, value);
        }

        @Override
        protected dev.vizgate.domain.model.SecretRef freshRef() {
            return dev.vizgate.domain.model.SecretRef.of("memory", "secret/" + (++next));
        }

        @Override
        protected dev.vizgate.domain.model.SecretRef missingRef() {
            return dev.vizgate.domain.model.SecretRef.of("memory", "secret/none");
        }

        @Override
        protected dev.vizgate.domain.port.SecretStore unreachableStore() {
            var down = new dev.vizgate.domain.testing.InMemorySecretStore();
            return down.down(true);
        }
    }

    @Nested
    class ConnectedAppSecretAdminFake extends dev.vizgate.domain.testing.ConnectedAppSecretAdminContract {
        @Override
        protected dev.vizgate.domain.port.ConnectedAppSecretAdmin emptyApp() {
            return new dev.vizgate.domain.testing.FakeConnectedAppSecretAdmin();
        }

        @Override
        protected dev.vizgate.domain.port.ConnectedAppSecretAdmin unreachable() {
            return new dev.vizgate.domain.testing.FakeConnectedAppSecretAdmin().down(true);
        }
    }

    @Nested
    class TokenIdsFake extends TokenIdsContract {
        @Override
        protected TokenIds createTokenIds() {
            return new SequentialTokenIds();
        }
    }

    @Nested
    class SignerFake extends TokenSignerContract {
        @Override
        protected TokenSigner createSigner() {
            return new FakeTokenSigner();
        }

        @Override
        protected boolean signatureVerifies(SignedToken token, SigningKey key) {
            return FakeTokenSigner.verifies(token, key);
        }
    }

    @Nested
    class KeySourceFake extends KeySourceContract {
        @Override
        protected KeySource createKeySource() {
            return new FakeKeySource()
                    .with(TestKeys.rs256(SIGNING_KID.value()))
                    .publishing(TestKeys.publishedRs256(SIGNING_KID.value()))
                    .publishing(TestKeys.publishedEs256("next-1"));
        }
    }

    @Nested
    class VerifierFake extends TokenVerifierContract {
        private final FakeTokenVerifier verifier = new FakeTokenVerifier();

        @Override
        protected TokenVerifier verifier() {
            return verifier;
        }

        @Override
        protected UntrustedToken genuine(Map<String, Object> claims) {
            return verifier.trusting("genuine-" + UUID.randomUUID(), claims);
        }

        @Override
        protected UntrustedToken forged(Map<String, Object> claims) {
            return new UntrustedToken("forged-" + UUID.randomUUID());
        }

        @Override
        protected long now() {
            return MutableClock.START.getEpochSecond();
        }
    }

    @Nested
    class SignInFake extends TableauSignInContract {
        @Override
        protected TableauSignIn accepting() {
            return new FakeTableauSignIn(new MutableClock());
        }

        @Override
        protected TableauSignIn refusing() {
            return new FakeTableauSignIn(new MutableClock()).refusing(new SignInOutcome.Refused(401, java.util.Optional.empty(), "refused"));
        }

        @Override
        protected TableauSignIn unreachable() {
            return new FakeTableauSignIn(new MutableClock()).refusing(new SignInOutcome.Failed("unreachable"));
        }
    }

    @Nested
    class SalesforceFake extends SalesforceAuthorizationContract {
        private final MutableClock clock = new MutableClock();

        @Override
        protected SalesforceAuthorization accepting() {
            return new FakeSalesforceAuthorization(clock);
        }

        @Override
        protected SalesforceAuthorization refusing() {
            return new FakeSalesforceAuthorization(clock).onExchange(g -> new ExchangeOutcome.Failed(new SalesforceFailure(
                    SalesforceFailure.Kind.REJECTED, java.util.Optional.of("invalid_grant"), java.util.Optional.empty(), "refused")));
        }

        @Override
        protected SalesforceAuthorization sessionEnded() {
            return new FakeSalesforceAuthorization(clock).alwaysFrontdoor(new FrontdoorOutcome.SessionRejected(401, "INVALID_SESSION_ID"));
        }

        @Override
        protected SalesforceAuthorization unreachable() {
            return new FakeSalesforceAuthorization(clock).onExchange(g -> new ExchangeOutcome.Failed(
                    SalesforceFailure.of(SalesforceFailure.Kind.UNAVAILABLE, "unreachable")));
        }

        @Override
        protected Grant grant() {
            return new Grant.ClientCredentials();
        }
    }

    @Nested
    class SignInTicketsFake extends dev.vizgate.domain.testing.SignInTicketsContract {
        @Override
        protected dev.vizgate.domain.port.SignInTickets createStore(MutableClock clock) {
            return new dev.vizgate.domain.testing.InMemorySignInTickets(clock);
        }
    }

    @Nested
    class SalesforceIdentitiesFake extends dev.vizgate.domain.testing.SalesforceIdentitiesContract {
        private final MutableClock clock = new MutableClock();
        private final dev.vizgate.domain.testing.FakeSalesforceIdentities fake = new dev.vizgate.domain.testing.FakeSalesforceIdentities();

        @Override
        protected dev.vizgate.domain.port.SalesforceIdentities identities() {
            return fake;
        }

        @Override
        protected dev.vizgate.domain.model.SalesforceSession liveSessionFor(dev.vizgate.domain.model.Subject user) {
            return fake.sessionFor(user, clock.instant(), java.time.Duration.ofMinutes(30));
        }

        @Override
        protected dev.vizgate.domain.model.SalesforceSession endedSession() {
            var s = fake.sessionFor(ALICE, clock.instant(), java.time.Duration.ofMinutes(30));
            fake.end(s);
            return s;
        }
    }

    @Nested
    class ExternalAuthorizationServersFake extends dev.vizgate.domain.testing.ExternalAuthorizationServersContract {
        @Override
        protected dev.vizgate.domain.port.ExternalAuthorizationServers emptySite() {
            return new dev.vizgate.domain.testing.InMemoryExternalAuthorizationServers();
        }

        @Override
        protected dev.vizgate.domain.port.ExternalAuthorizationServers unreachable() {
            return new dev.vizgate.domain.testing.InMemoryExternalAuthorizationServers().down();
        }
    }

    @Nested
    class TokenExchangeFake extends dev.vizgate.domain.testing.TokenExchangeContract {
        private final UntrustedToken subject = new UntrustedToken("subject-" + UUID.randomUUID());

        @Override
        protected dev.vizgate.domain.port.TokenExchange exchange() {
            return new dev.vizgate.domain.testing.FakeTokenExchange().answering(subject, new UntrustedToken("issued-" + UUID.randomUUID()));
        }

        @Override
        protected UntrustedToken acceptedSubjectToken() {
            return subject;
        }

        @Override
        protected dev.vizgate.domain.port.TokenExchange unreachable() {
            return new dev.vizgate.domain.testing.FakeTokenExchange().down();
        }
    }

    @Nested
    class SecretSlotsFake extends dev.vizgate.domain.testing.ConnectedAppSecretSlotsContract {
        @Override
        protected dev.vizgate.domain.port.ConnectedAppSecretSlots slotsHolding(dev.vizgate.domain.model.StoredSecret current) {
            return new dev.vizgate.domain.testing.InMemorySecretSlots(current);
        }

        @Override
        protected dev.vizgate.domain.port.ConnectedAppSecretSlots unreachableSlots() {
            return new dev.vizgate.domain.testing.InMemorySecretSlots(FIRST).down(true);
        }
    }
}
