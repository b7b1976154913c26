package dev.vizgate.domain.fakes;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.FrontdoorOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SignInOutcome;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.model.StoredSecret;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.port.ConnectedAppSecretAdmin;
import dev.vizgate.domain.port.ConnectedAppSecretSlots;
import dev.vizgate.domain.port.ExternalAuthorizationServers;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.port.PendingAuthorizations;
import dev.vizgate.domain.port.RefreshTokens;
import dev.vizgate.domain.port.ReplayLedger;
import dev.vizgate.domain.port.RotationLeases;
import dev.vizgate.domain.port.SalesforceAuthorization;
import dev.vizgate.domain.port.SalesforceIdentities;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.port.SessionCache;
import dev.vizgate.domain.port.SignInTickets;
import dev.vizgate.domain.port.TableauSignIn;
import dev.vizgate.domain.port.TokenExchange;
import dev.vizgate.domain.port.TokenIds;
import dev.vizgate.domain.port.TokenSigner;
import dev.vizgate.domain.port.TokenVerifier;
import dev.vizgate.domain.port.UatConfigurations;
import dev.vizgate.domain.testing.ConnectedAppSecretAdminContract;
import dev.vizgate.domain.testing.ConnectedAppSecretSlotsContract;
import dev.vizgate.domain.testing.ExternalAuthorizationServersContract;
import dev.vizgate.domain.testing.FakeConnectedAppSecretAdmin;
import dev.vizgate.domain.testing.FakeKeySource;
import dev.vizgate.domain.testing.FakeSalesforceAuthorization;
import dev.vizgate.domain.testing.FakeSalesforceIdentities;
import dev.vizgate.domain.testing.FakeTableauSignIn;
import dev.vizgate.domain.testing.FakeTokenExchange;
import dev.vizgate.domain.testing.FakeTokenSigner;
import dev.vizgate.domain.testing.FakeTokenVerifier;
import dev.vizgate.domain.testing.InMemoryExternalAuthorizationServers;
import dev.vizgate.domain.testing.InMemoryPendingAuthorizations;
import dev.vizgate.domain.testing.InMemoryRefreshTokens;
import dev.vizgate.domain.testing.InMemoryReplayLedger;
import dev.vizgate.domain.testing.InMemoryRotationLeases;
import dev.vizgate.domain.testing.InMemorySecretSlots;
import dev.vizgate.domain.testing.InMemorySecretStore;
import dev.vizgate.domain.testing.InMemorySessionCache;
import dev.vizgate.domain.testing.InMemorySignInTickets;
import dev.vizgate.domain.testing.InMemoryUatConfigurations;
import dev.vizgate.domain.testing.KeySourceContract;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.PendingAuthorizationsContract;
import dev.vizgate.domain.testing.RefreshTokensContract;
import dev.vizgate.domain.testing.ReplayLedgerContract;
import dev.vizgate.domain.testing.RotationLeasesContract;
import dev.vizgate.domain.testing.SalesforceAuthorizationContract;
import dev.vizgate.domain.testing.SalesforceIdentitiesContract;
import dev.vizgate.domain.testing.SecretStoreContract;
import dev.vizgate.domain.testing.SequentialTokenIds;
import dev.vizgate.domain.testing.SessionCacheContract;
import dev.vizgate.domain.testing.SignInTicketsContract;
import dev.vizgate.domain.testing.TableauSignInContract;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.domain.testing.TokenExchangeContract;
import dev.vizgate.domain.testing.TokenIdsContract;
import dev.vizgate.domain.testing.TokenSignerContract;
import dev.vizgate.domain.testing.TokenVerifierContract;
import dev.vizgate.domain.testing.UatConfigurationsContract;
import org.junit.jupiter.api.Nested;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The fakes the use-case tests rely on obey the same contracts as the real adapters. */
class FakesPassTheirContractsTest {
    @Nested
    class RotationLeasesFake extends RotationLeasesContract {
        @Override
        protected RotationLeases createLeases(MutableClock clock) {
            return new InMemoryRotationLeases(clock);
        }
    }

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
    class PendingAuthorizationsFake extends PendingAuthorizationsContract {
        @Override
        protected PendingAuthorizations createStore(MutableClock clock) {
            return new InMemoryPendingAuthorizations(clock);
        }
    }

    @Nested
    class RefreshTokensFake extends RefreshTokensContract {
        @Override
        protected RefreshTokens createStore() {
            return new InMemoryRefreshTokens();
        }

        @Override
        protected RefreshTokens createStore(MutableClock clock) {
            return new InMemoryRefreshTokens(clock);
        }
    }

    @Nested
    class SecretStoreFake extends SecretStoreContract {
        private final InMemorySecretStore store = new InMemorySecretStore();
        private int next;

        @Override
        protected SecretStore store() {
            return store;
        }

        @Override
        protected void write(SecretRef ref, String value) {
            store.put(ref, value);
        }

        @Override
        protected SecretRef freshRef() {
            return SecretRef.of("memory", "secret/" + (++next));
        }

        @Override
        protected SecretRef missingRef() {
            return SecretRef.of("memory", "secret/none");
        }

        @Override
        protected SecretStore unreachableStore() {
            var down = new InMemorySecretStore();
            return down.down(true);
        }
    }

    @Nested
    class ConnectedAppSecretAdminFake extends ConnectedAppSecretAdminContract {
        @Override
        protected ConnectedAppSecretAdmin emptyApp() {
            return new FakeConnectedAppSecretAdmin();
        }

        @Override
        protected ConnectedAppSecretAdmin unreachable() {
            return new FakeConnectedAppSecretAdmin().down(true);
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
            return new FakeTableauSignIn(new MutableClock()).refusing(new SignInOutcome.Refused(401, Optional.empty(), "refused"));
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
                    SalesforceFailure.Kind.REJECTED, Optional.of("invalid_grant"), Optional.empty(), "refused")));
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
    class SignInTicketsFake extends SignInTicketsContract {
        @Override
        protected SignInTickets createStore(MutableClock clock) {
            return new InMemorySignInTickets(clock);
        }
    }

    @Nested
    class SalesforceIdentitiesFake extends SalesforceIdentitiesContract {
        private final MutableClock clock = new MutableClock();
        private final FakeSalesforceIdentities fake = new FakeSalesforceIdentities();

        @Override
        protected SalesforceIdentities identities() {
            return fake;
        }

        @Override
        protected SalesforceSession liveSessionFor(Subject user) {
            return fake.sessionFor(user, clock.instant(), Duration.ofMinutes(30));
        }

        @Override
        protected SalesforceSession endedSession() {
            var s = fake.sessionFor(ALICE, clock.instant(), Duration.ofMinutes(30));
            fake.end(s);
            return s;
        }
    }

    @Nested
    class ExternalAuthorizationServersFake extends ExternalAuthorizationServersContract {
        @Override
        protected ExternalAuthorizationServers emptySite() {
            return new InMemoryExternalAuthorizationServers();
        }

        @Override
        protected ExternalAuthorizationServers unreachable() {
            return new InMemoryExternalAuthorizationServers().down();
        }
    }

    @Nested
    class UatConfigurationsFake extends UatConfigurationsContract {
        @Override
        protected UatConfigurations emptyTenant() {
            return new InMemoryUatConfigurations();
        }

        @Override
        protected UatConfigurations unreachable() {
            return new InMemoryUatConfigurations().down();
        }
    }

    @Nested
    class TokenExchangeFake extends TokenExchangeContract {
        private final UntrustedToken subject = new UntrustedToken("subject-" + UUID.randomUUID());

        @Override
        protected TokenExchange exchange() {
            return new FakeTokenExchange().answering(subject, new UntrustedToken("issued-" + UUID.randomUUID()));
        }

        @Override
        protected UntrustedToken acceptedSubjectToken() {
            return subject;
        }

        @Override
        protected TokenExchange unreachable() {
            return new FakeTokenExchange().down();
        }
    }

    @Nested
    class SecretSlotsFake extends ConnectedAppSecretSlotsContract {
        @Override
        protected ConnectedAppSecretSlots slotsHolding(StoredSecret current) {
            return new InMemorySecretSlots(current);
        }

        @Override
        protected ConnectedAppSecretSlots unreachableSlots() {
            return new InMemorySecretSlots(FIRST).down(true);
        }
    }
}
