package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.Sighting;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.model.VerificationOutcome;
import dev.vizgate.domain.model.VerifiedClaims;
import dev.vizgate.domain.policy.IdpTokenPolicy;
import dev.vizgate.domain.policy.ReplayDecision;
import dev.vizgate.domain.policy.ReplayPolicy;
import dev.vizgate.domain.port.ReplayLedger;
import dev.vizgate.domain.port.TokenVerifier;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a platform's assertion about its user (signature, then claims, then the ledger) so that nobody
 * gets a token for a user they did not prove. The ledger is asked last, so a bad token never spends a
 * {@code jti}; and when the ledger cannot answer the assertion is not accepted.
 * <p>
 * A gateway checks first ({@link #check}: signature and claims, nothing spent) and spends last ({@link #spend}), once
 * everything else about the request has passed, so that a request refused for its shape or a rate limit does not burn
 * the assertion its retry needs. {@link #accept} does both at once.
 */
public final class AcceptPlatformAssertion {
    private final TokenVerifier verifier;
    private final ReplayPolicy policy;
    private final IdpTokenPolicy idpPolicy;
    private final ReplayLedger ledger;
    private final Map<Issuer, TrustedPlatform> trustedIssuers;
    private final Clock clock;

    /** @param trustedIssuers each trusted issuer, the audience its assertions must name, and the claims that carry its grants */
    public AcceptPlatformAssertion(TokenVerifier verifier, ReplayPolicy policy, ReplayLedger ledger,
                                   Map<Issuer, TrustedPlatform> trustedIssuers, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.idpPolicy = new IdpTokenPolicy(policy.skew());
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.trustedIssuers = Map.copyOf(trustedIssuers);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Platforms that prove only their users (no mapped scope or attribute claims). */
    public static AcceptPlatformAssertion userOnly(TokenVerifier verifier, ReplayPolicy policy, ReplayLedger ledger,
                                                   Map<Issuer, Audience> audiences, Clock clock) {
        var platforms = new HashMap<Issuer, TrustedPlatform>();
        audiences.forEach((issuer, audience) -> platforms.put(issuer, TrustedPlatform.userOnly(audience)));
        return new AcceptPlatformAssertion(verifier, policy, ledger, platforms, clock);
    }

    /** Whether {@code issuer} is an identity provider (its access tokens are reusable proofs), rather than a platform signing assertions. */
    public boolean isIdentityProvider(Issuer issuer) {
        var platform = trustedIssuers.get(issuer);
        return platform != null && platform.proof() instanceof CallerProof.IdentityProviderToken;
    }

    /** Checks and spends at once: for callers with nothing to check between the two. */
    public AssertionOutcome accept(UntrustedToken token) {
        var checked = check(token);
        return checked instanceof AssertionOutcome.Accepted a ? spend(a) : checked;
    }

    /**
     * Spends the one-time use an accepted assertion still holds: the first request to spend it wins, a second is told
     * it was replayed, and a ledger that cannot answer accepts nothing. A reusable proof (an IdP token) has nothing to
     * spend and passes as it is.
     */
    public AssertionOutcome spend(AssertionOutcome.Accepted accepted) {
        if (accepted.unspent().isEmpty()) {
            return accepted;
        }
        return spend(accepted.unspent().get()).orElseGet(accepted::spent);
    }

    /** Spends one use: empty when this request is the first, else why nothing may be accepted on it. */
    public Optional<AssertionOutcome> spend(OneTimeUse use) {
        var sighting = ledger.firstSeen(use.issuer(), use.tokenId(), use.retainUntil());
        if (sighting instanceof Sighting.First) {
            return Optional.empty();
        }
        if (sighting instanceof Sighting.Replayed) {
            return Optional.of(new AssertionOutcome.Rejected(RejectionReason.REPLAYED,
                    "an earlier request spent it; mint a new assertion per request"));
        }
        return Optional.of(new AssertionOutcome.Unavailable("the replay ledger cannot answer: " + ((Sighting.Unavailable) sighting).reason()));
    }

    /** Verifies the signature and every claim rule, and reads the grants; spends nothing ({@link #spend} does). */
    public AssertionOutcome check(UntrustedToken token) {
        var verified = verifier.verify(token);
        if (verified instanceof VerificationOutcome.Rejected r) {
            return new AssertionOutcome.Rejected(r.reason(), r.detail());
        }
        var verifiedToken = ((VerificationOutcome.Verified) verified).token();
        var claims = verifiedToken.claims();
        var issuer = claims.string(ClaimNames.ISSUER);
        var platform = issuer.map(AcceptPlatformAssertion::issuerOrNull).map(trustedIssuers::get);
        if (platform.isEmpty()) {
            return new AssertionOutcome.Rejected(RejectionReason.UNTRUSTED_ISSUER, "iss is not a configured platform issuer");
        }
        var now = clock.instant();
        if (platform.get().proof() instanceof CallerProof.IdentityProviderToken idp) {
            return identityProviderToken(claims, verifiedToken.type(), platform.get(), idp, now);
        }
        var decision = policy.admit(claims, platform.get().audience(), now);
        if (decision instanceof ReplayDecision.Refused refused) {
            return new AssertionOutcome.Rejected(refused.reason(), refused.detail());
        }
        var admitted = (ReplayDecision.Admitted) decision;
        // The grants are read before the jti is spent, so an assertion with an unusable grant claim stays unspent.
        var grants = PlatformGrants.read(claims, platform.get());
        if (grants instanceof PlatformGrants.Unusable u) {
            return new AssertionOutcome.Rejected(RejectionReason.INVALID_CLAIM, u.detail());
        }
        var granted = (PlatformGrants.Granted) grants;
        return new AssertionOutcome.Accepted(admitted.issuer(), admitted.subject(), Optional.of(admitted.tokenId()),
                granted.scopes(), granted.attributes(),
                Optional.of(new OneTimeUse(admitted.issuer(), admitted.tokenId(), admitted.retainUntil())), granted.tenant());
    }

    /** An IdP's access token: no ledger, since the browser rightly sends the same token until it expires. */
    private AssertionOutcome identityProviderToken(VerifiedClaims claims, Optional<String> type,
                                                   TrustedPlatform platform, CallerProof.IdentityProviderToken idp, Instant now) {
        var decision = idpPolicy.admit(claims, type, new IdpTokenPolicy.Expectation(platform.audience(), idp.usernameClaim(),
                idp.requiredType(), idp.allowedClients()), now);
        if (decision instanceof IdpTokenPolicy.Decision.Refused r) {
            return new AssertionOutcome.Rejected(r.reason(), r.detail());
        }
        var admitted = (IdpTokenPolicy.Decision.Admitted) decision;
        var grants = PlatformGrants.read(claims, platform);
        if (grants instanceof PlatformGrants.Unusable u) {
            return new AssertionOutcome.Rejected(RejectionReason.INVALID_CLAIM, u.detail());
        }
        var granted = (PlatformGrants.Granted) grants;
        return new AssertionOutcome.Accepted(admitted.issuer(), admitted.user(), admitted.tokenId(), granted.scopes(), granted.attributes(),
                Optional.empty(), granted.tenant());
    }

    private static Issuer issuerOrNull(String raw) {
        try {
            return new Issuer(raw);
        } catch (IllegalArgumentException e) {
            return null; // Optional.map turns this into empty: an unusable iss is an untrusted one
        }
    }
}
