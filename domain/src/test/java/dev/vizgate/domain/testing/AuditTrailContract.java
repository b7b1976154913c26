package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.AttributeValue;
import dev.vizgate.domain.model.AuditCaller;
import dev.vizgate.domain.model.AuditContext;
import dev.vizgate.domain.model.AuditEvent;
import dev.vizgate.domain.model.AuditReason;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.port.AuditTrail;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AuditTrail} does: one record per event, in order, none lost, and no personal value in clear. */
public abstract class AuditTrailContract {
    public static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    /** The trail under test; each test calls it once. */
    protected abstract AuditTrail trail();

    /** What the trail has written, one text per record, in order; an asynchronous trail is waited for first. */
    protected abstract List<String> written() throws Exception;

    public static AuditContext context(String user) {
        return new AuditContext(AT, Optional.of(new TenantId("acme")), new AuditCaller("portal-backend", AuditCaller.Kind.API_KEY),
                Optional.of(new Subject(user)), Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    public static AuditEvent.TokenIssued issued(String jti, String user, Map<String, AttributeValue> attributes) {
        return new AuditEvent.TokenIssued(context(user), "direct", new TokenId(jti), new KeyId("s1"), Scopes.of("tableau:views:embed"),
                new UserAttributes(attributes), AT.plusSeconds(300));
    }

    @Test
    void givenEvents_record_writesOneRecordEachInOrder() throws Exception {
        var trail = trail();
        for (int i = 1; i <= 3; i++) {
            trail.record(issued("jti-" + i, "alice@example.com", Map.of()));
        }
        var written = written();
        assertThat(written).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(written.get(i)).contains("jti-" + (i + 1)).contains("token-issued");
        }
    }

    @Test
    void givenAUserAndAttributeValues_record_writesTheNamesButNeverTheValuesInClear() throws Exception {
        trail().record(issued("jti-1", "alice@example.com", Map.of("Region", AttributeValue.of("EMEA-north-7"))));
        var written = String.join("\n", written());
        assertThat(written).contains("Region").doesNotContain("alice@example.com").doesNotContain("EMEA-north-7");
    }

    @Test
    void givenARefusal_record_writesItsType() throws Exception {
        trail().record(new AuditEvent.TokenRefused(context("bob@example.com"), new AuditReason("caller-not-allowed", "not this tenant")));
        assertThat(written()).singleElement().asString().contains("token-refused").contains("caller-not-allowed").doesNotContain("bob@example.com");
    }

    @Test
    void givenConcurrentCallers_record_losesNoEvent() throws Exception {
        var trail = trail();
        var pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            var thread = t;
            pool.execute(() -> {
                for (int i = 0; i < 50; i++) {
                    trail.record(issued("jti-" + thread + "-" + i, "user-" + i, Map.of()));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        var written = written();
        var ids = new ArrayList<String>();
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < 50; i++) {
                ids.add("\"jti-" + t + "-" + i + "\"");
            }
        }
        assertThat(written).hasSize(200);
        assertThat(ids).allSatisfy(id -> assertThat(written).anySatisfy(line -> assertThat(line).contains(id)));
    }
}
