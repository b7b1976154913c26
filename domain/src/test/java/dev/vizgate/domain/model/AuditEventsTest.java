package dev.vizgate.domain.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail's values: each event's name, what a context and a reason accept, and a verdict. */
class AuditEventsTest {
    static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    static final AuditContext CONTEXT = new AuditContext(AT, Optional.empty(), new AuditCaller("portal", AuditCaller.Kind.API_KEY),
            Optional.of(new Subject("alice@acme.com")), Optional.empty());

    @Test
    void eachEvent_hasItsOwnName() {
        var reason = new AuditReason("caller-not-allowed", "not this tenant");
        List<AuditEvent> events = List.of(
                new AuditEvent.TokenIssued(CONTEXT, "direct", new TokenId("j"), new KeyId("k"), Scopes.none(), UserAttributes.none(), AT),
                new AuditEvent.TokenRefused(CONTEXT, reason), new AuditEvent.CallerRefused(CONTEXT, reason), new AuditEvent.FrontdoorOpened(CONTEXT),
                new AuditEvent.SignInCompleted(CONTEXT, "signed-in"), new AuditEvent.SecretRotated(CONTEXT, "rotated", Optional.of(new SecretId("s2"))),
                new AuditEvent.ConfigChanged(CONTEXT, ConfigChange.ADDED, "first served"));
        assertThat(events).extracting(AuditEvent::kind).containsExactly("token-issued", "token-refused", "caller-refused", "frontdoor-opened",
                "sign-in-completed", "secret-rotated", "config-changed");
        assertThat(events).extracting(AuditEvent::context).containsOnly(CONTEXT);
    }

    @Test
    void aContext_takesAW3cTraceIdOnly_andATenantLater() {
        assertThatThrownBy(() -> new AuditContext(AT, Optional.empty(), AuditCaller.unauthenticated(), Optional.empty(), Optional.of("4BF92F35")))
                .hasMessageContaining("32 lowercase hex");
        var traced = new AuditContext(AT, Optional.empty(), AuditCaller.unauthenticated(), Optional.empty(),
                Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"));
        assertThat(traced.withTenant(new TenantId("acme")).tenant()).contains(new TenantId("acme"));
        assertThat(traced.withTenant(new TenantId("acme")).traceId()).isEqualTo(traced.traceId());
        assertThat(AuditCaller.unauthenticated().kind().label()).isEqualTo("unauthenticated");
        assertThat(AuditCaller.Kind.IDENTITY_PROVIDER.label()).isEqualTo("identity-provider");
    }

    @Test
    void aReason_isASlugAndOneLineOfWords() {
        assertThatThrownBy(() -> new AuditReason("Caller Not Allowed", "x")).hasMessageContaining("slug");
        assertThat(new AuditReason("rate-limited", "wait\nthen retry").detail()).doesNotContain("\n");
        assertThat(new AuditEvent.SignInCompleted(CONTEXT, "a\nb").outcome()).doesNotContain("\n");
        assertThat(new AuditCaller("two\nlines", AuditCaller.Kind.API_KEY).name()).doesNotContain("\n");
    }

    @Test
    void aVerdict_isIntactOnlyWithoutFindings() {
        assertThat(new AuditVerdict(3, List.of()).intact()).isTrue();
        var finding = new AuditVerdict.Finding(AuditVerdict.Problem.REMOVED, "audit.jsonl", 4, "record 4 removed");
        assertThat(new AuditVerdict(3, List.of(finding)).intact()).isFalse();
    }
}
