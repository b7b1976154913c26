package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.AccessToken;
import dev.vizgate.domain.model.InstanceUrl;
import dev.vizgate.domain.model.SalesforceSession;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Salesforce sessions for tests: a fresh access token each time, on a My Domain instance. */
public final class TestSessions {
    public static final InstanceUrl INSTANCE = InstanceUrl.of("https://acme.my.salesforce.com");
    private static final AtomicLong COUNTER = new AtomicLong();

    private TestSessions() {
    }

    public static SalesforceSession session(Instant issuedAt, Duration ttl) {
        return session(INSTANCE, issuedAt, ttl);
    }

    public static SalesforceSession session(InstanceUrl instance, Instant issuedAt, Duration ttl) {
        return new SalesforceSession(new AccessToken("00Dxx!test-access-token-" + COUNTER.incrementAndGet()), instance,
                issuedAt, issuedAt.plus(ttl), Optional.empty());
    }
}
