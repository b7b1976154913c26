package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.SigningFailure;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.model.UseCaseName;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.PolicyDecision;
import dev.vizgate.domain.policy.PolicyViolation;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.port.TokenIds;
import dev.vizgate.domain.port.TokenSigner;
import dev.vizgate.domain.port.UseCaseObserver;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** Mints a Connected App token for the Embedding API or REST sign-in: policy first, then the key, then the signer. */
public final class IssueTableauToken {
    private final Supplier<ConnectedAppTrust> trust;
    private final TableauTokenPolicy policy;
    private final KeySource keys;
    private final TokenSigner signer;
    private final TokenIds ids;
    private final Clock clock;
    private final UseCaseObserver observer;
    /** A trust's header, issuer and kid, built once per trust: the same for every token until a rotation switches the kid. */
    private record Prepared(ConnectedAppTrust trust, JwsHeader header, Issuer issuer,
                            KeyId keyId, List<PolicyViolation> headerViolations) {
    }

    private volatile Prepared prepared;

    public IssueTableauToken(ConnectedAppTrust trust, TableauTokenPolicy policy, KeySource keys, TokenSigner signer,
                             TokenIds ids, Clock clock) {
        this(constant(Objects.requireNonNull(trust, "trust")), policy, keys, signer, ids, clock);
    }

    /** For a trust that changes while running: a rotated secret's kid. The supplier is asked once per token. */
    public IssueTableauToken(Supplier<ConnectedAppTrust> trust, TableauTokenPolicy policy, KeySource keys, TokenSigner signer,
                             TokenIds ids, Clock clock) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = UseCaseObserver.NONE;
        this.prepared = prepare(trust.get());
    }

    private IssueTableauToken(IssueTableauToken same, UseCaseObserver observer) {
        this.trust = same.trust;
        this.policy = same.policy;
        this.keys = same.keys;
        this.signer = same.signer;
        this.ids = same.ids;
        this.clock = same.clock;
        this.observer = Objects.requireNonNull(observer, "observer");
        this.prepared = same.prepared;
    }

    /** This use case, each run told to {@code observer} as it starts and ends. */
    public IssueTableauToken observedBy(UseCaseObserver observer) {
        return new IssueTableauToken(this, observer);
    }

    private static Supplier<ConnectedAppTrust> constant(ConnectedAppTrust trust) {
        return () -> trust;
    }

    private Prepared prepare(ConnectedAppTrust t) {
        var header = t.header();
        return new Prepared(t, header, t.issuer(), t.signingKeyId(),
                t instanceof ConnectedAppTrust.DirectTrust ? policy.reviewDirectTrustHeader(header) : List.of());
    }

    private Prepared current() {
        var now = trust.get();
        var p = prepared;
        if (p.trust() != now) { // the same instance for a fixed trust: one reference comparison per token
            p = prepare(now);
            prepared = p;
        }
        return p;
    }

    public TokenIssueOutcome issue(TableauTokenRequest request) {
        return observer.observe(UseCaseName.ISSUE_TABLEAU_TOKEN, () -> issued(request), TokenIssueOutcome::result);
    }

    private TokenIssueOutcome issued(TableauTokenRequest request) {
        var p = current();
        var header = p.header();
        var issuer = p.issuer();
        var headerViolations = p.headerViolations();
        if (!headerViolations.isEmpty()) {
            return new TokenIssueOutcome.Refused(headerViolations);
        }
        var tokenId = ids.next();
        var decision = policy.draft(request, issuer, p.trust().audience(), tokenId, clock.instant());
        if (decision instanceof PolicyDecision.Refused refused) {
            return new TokenIssueOutcome.Refused(refused.violations());
        }
        var claims = ((PolicyDecision.Allowed) decision).claims();
        if (p.trust() instanceof ConnectedAppTrust.UnifiedAccessTokens u) {
            var refused = TableauTokenPolicy.reviewForUnifiedAccess(claims);
            if (!refused.isEmpty()) {
                return new TokenIssueOutcome.Refused(refused);
            }
            claims = claims.asUnifiedAccess(u.uat());
        }
        var kid = p.keyId();
        var key = keys.signingKey(kid);
        if (key.isEmpty()) {
            return new TokenIssueOutcome.Failed("no signing key with kid " + kid + " is loaded; check the configured secrets or keys");
        }
        if (key.get().algorithm() != header.algorithm()) {
            return new TokenIssueOutcome.Failed("key " + kid + " is for " + key.get().algorithm() + " but the token is " + header.algorithm());
        }
        try {
            var token = signer.sign(new TokenDraft(header, claims), key.get());
            return new TokenIssueOutcome.Issued(token, claims.expiresAt(), kid, tokenId, claims.scopes(), claims.attributes());
        } catch (SigningFailure e) {
            return new TokenIssueOutcome.Failed("signing with key " + kid + " failed: " + e.getMessage());
        }
    }
}
