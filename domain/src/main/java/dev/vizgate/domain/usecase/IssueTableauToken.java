package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.SigningFailure;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.PolicyDecision;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.port.TokenIds;
import dev.vizgate.domain.port.TokenSigner;

import java.time.Clock;
import java.util.Objects;

/** Mints a Connected App token for the Embedding API or REST sign-in: policy first, then the key, then the signer. */
public final class IssueTableauToken {
    private final ConnectedAppTrust trust;
    private final TableauTokenPolicy policy;
    private final KeySource keys;
    private final TokenSigner signer;
    private final TokenIds ids;
    private final Clock clock;
    // The trust is immutable: its header and issuer are the same for every token, so they are built once.
    private final dev.vizgate.domain.model.JwsHeader header;
    private final dev.vizgate.domain.model.Issuer issuer;
    private final dev.vizgate.domain.model.KeyId keyId;
    private final java.util.List<dev.vizgate.domain.policy.PolicyViolation> headerViolations;

    public IssueTableauToken(ConnectedAppTrust trust, TableauTokenPolicy policy, KeySource keys, TokenSigner signer,
                             TokenIds ids, Clock clock) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.header = trust.header();
        this.issuer = trust.issuer();
        this.keyId = trust.signingKeyId();
        this.headerViolations = trust instanceof ConnectedAppTrust.DirectTrust ? policy.reviewDirectTrustHeader(header) : java.util.List.of();
    }

    public TokenIssueOutcome issue(TableauTokenRequest request) {
        if (!headerViolations.isEmpty()) {
            return new TokenIssueOutcome.Refused(headerViolations);
        }
        var tokenId = ids.next();
        var decision = policy.draft(request, issuer, tokenId, clock.instant());
        if (decision instanceof PolicyDecision.Refused refused) {
            return new TokenIssueOutcome.Refused(refused.violations());
        }
        var claims = ((PolicyDecision.Allowed) decision).claims();
        var kid = keyId;
        var key = keys.signingKey(kid);
        if (key.isEmpty()) {
            return new TokenIssueOutcome.Failed("no signing key with kid " + kid + " is loaded; check the configured secrets or keys");
        }
        if (key.get().algorithm() != header.algorithm()) {
            return new TokenIssueOutcome.Failed("key " + kid + " is for " + key.get().algorithm() + " but the token is " + header.algorithm());
        }
        try {
            var token = signer.sign(new TokenDraft(header, claims), key.get());
            return new TokenIssueOutcome.Issued(token, claims.expiresAt(), kid, tokenId);
        } catch (SigningFailure e) {
            return new TokenIssueOutcome.Failed("signing with key " + kid + " failed: " + e.getMessage());
        }
    }
}
