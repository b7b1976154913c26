package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.InstanceUrl;
import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.SessionUser;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.RefreshTokens;
import dev.vizgate.domain.testing.FakeSalesforceAuthorization;
import dev.vizgate.domain.testing.InMemoryRefreshTokens;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestSessions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Salesforce's refresh token rotation (help {@code remoteaccess_oauth_refresh_token_flow}: "the connected app issues a
 * new refresh token along with the access token each time the flow is invoked. The previous refresh token is
 * automatically invalidated") and RFC 6749 §6 (the client MUST discard the old refresh token): the new token replaces
 * the stored one, the old one is never sent again, and concurrent refreshes of one user never spend one token twice.
 */
class RefreshTokenRotationTest {
    private static final Subject ALICE = new Subject("alice@acme.com");
    private final MutableClock clock = new MutableClock();
    private final InMemoryRefreshTokens tokens = new InMemoryRefreshTokens(clock);
    /** Salesforce with rotation on: each refresh spends the token it names and answers the next one. */
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final List<String> spent = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private volatile boolean rotation = true;
    private volatile InstanceUrl answersOn = TestSessions.INSTANCE;
    private final FakeSalesforceAuthorization salesforce = new FakeSalesforceAuthorization(clock).onExchange(this::refresh);

    private ExchangeOutcome refresh(Grant grant) {
        var token = ((Grant.Refresh) grant).refreshToken().value();
        spent.add(token);
        if (!(rotation ? live.remove(token) : live.contains(token))) {
            reused.incrementAndGet();
            return new ExchangeOutcome.Failed(new SalesforceFailure(SalesforceFailure.Kind.REJECTED, Optional.of("invalid_grant"),
                    Optional.of("expired access/refresh token"), "refused"));
        }
        Optional<RefreshToken> next = Optional.empty();
        if (rotation) {
            var fresh = "5Aep861-" + issued.incrementAndGet();
            live.add(fresh);
            next = Optional.of(new RefreshToken(fresh));
        }
        var s = TestSessions.session(answersOn, clock.instant(), Duration.ofMinutes(30));
        return new ExchangeOutcome.Exchanged(new SalesforceSession(s.accessToken(), s.instanceUrl(), s.issuedAt(), s.assumedExpiry(),
                next.or(() -> Optional.of(((Grant.Refresh) grant).refreshToken()))));
    }

    private final RefreshTokenGrants grants = new RefreshTokenGrants(tokens);

    private void signedIn(String token) {
        live.add(token);
        tokens.save(ALICE, new RefreshTokens.Grant(new RefreshToken(token), TestSessions.INSTANCE));
    }

    @Test
    void givenARotatedToken_theNextRefresh_sendsTheNewOneAndNeverTheOld() {
        signedIn("5Aep861-0");
        assertThat(grants.open(SessionUser.of(ALICE), salesforce)).isInstanceOf(ExchangeOutcome.Exchanged.class);
        assertThat(tokens.find(ALICE).orElseThrow().refreshToken().value()).isEqualTo("5Aep861-1");
        assertThat(grants.open(SessionUser.of(ALICE), salesforce)).isInstanceOf(ExchangeOutcome.Exchanged.class);
        assertThat(grants.open(SessionUser.of(ALICE), salesforce)).isInstanceOf(ExchangeOutcome.Exchanged.class);
        assertThat(spent).containsExactly("5Aep861-0", "5Aep861-1", "5Aep861-2");
        assertThat(reused).hasValue(0);
    }

    @Test
    void givenEightConcurrentRefreshesOfOneUser_noTokenIsSpentTwice() throws Exception {
        signedIn("5Aep861-0");
        var pool = Executors.newFixedThreadPool(8);
        try {
            var start = new CountDownLatch(1);
            var calls = new ArrayList<Callable<ExchangeOutcome>>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> {
                    start.await();
                    return grants.open(SessionUser.of(ALICE), salesforce);
                });
            }
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (var f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isInstanceOf(ExchangeOutcome.Exchanged.class);
            }
            assertThat(reused).as("a rotated-out token sent again").hasValue(0);
            assertThat(spent).doesNotHaveDuplicates().hasSize(8);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenNoRotation_theSameTokenIsKept() {
        rotation = false;
        signedIn("5Aep861-steady");
        grants.open(SessionUser.of(ALICE), salesforce);
        grants.open(SessionUser.of(ALICE), salesforce);
        assertThat(spent).containsExactly("5Aep861-steady", "5Aep861-steady");
        assertThat(tokens.find(ALICE).orElseThrow().refreshToken().value()).isEqualTo("5Aep861-steady");
    }

    @Test
    void givenARefreshOnAMovedInstance_theNewInstanceIsKept() {
        rotation = false;
        signedIn("5Aep861-steady");
        answersOn = InstanceUrl.of("https://acme2.my.salesforce.com");
        grants.open(SessionUser.of(ALICE), salesforce);
        assertThat(tokens.find(ALICE).orElseThrow().instanceUrl()).isEqualTo(answersOn);
    }

    @Test
    void givenARefusedRefresh_theStoredTokenIsLeftAsItWas() {
        signedIn("5Aep861-0");
        live.clear(); // revoked at Salesforce
        var outcome = grants.open(SessionUser.of(ALICE), salesforce);
        assertThat(outcome).isInstanceOf(ExchangeOutcome.Failed.class);
        assertThat(tokens.find(ALICE).orElseThrow().refreshToken().value()).isEqualTo("5Aep861-0");
    }

    @Test
    void givenAUserWhoNeverSignedIn_open_pointsToAuthorize() {
        var outcome = (ExchangeOutcome.Failed) grants.open(SessionUser.of(ALICE), salesforce);
        assertThat(outcome.failure().kind()).isEqualTo(SalesforceFailure.Kind.NEEDS_AUTHORIZATION);
        assertThat(salesforce.exchanges()).isZero();
    }

    @Test
    void givenTheLeaseHeldElsewhereBeyondTheWait_open_isUnavailableAndSpendsNothing() {
        signedIn("5Aep861-0");
        var busy = new RefreshTokenGrants(new RefreshTokens() {
            @Override
            public void save(Subject subject, Grant grant) {
                tokens.save(subject, grant);
            }

            @Override
            public Optional<Grant> find(Subject subject) {
                return tokens.find(subject);
            }

            @Override
            public void forget(Subject subject) {
                tokens.forget(subject);
            }

            @Override
            public Optional<Lease> lease(Subject subject, Duration ttl, Duration wait) {
                return Optional.empty();
            }

            @Override
            public void release(Lease lease) {
            }

            @Override
            public boolean rotate(Subject subject, RefreshToken old, Grant next) {
                return tokens.rotate(subject, old, next);
            }
        });
        var outcome = (ExchangeOutcome.Failed) busy.open(SessionUser.of(ALICE), salesforce);
        assertThat(outcome.failure().kind()).isEqualTo(SalesforceFailure.Kind.UNAVAILABLE);
        assertThat(salesforce.exchanges()).isZero();
    }
}
