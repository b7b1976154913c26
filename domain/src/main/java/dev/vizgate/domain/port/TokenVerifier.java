package dev.vizgate.domain.port;

import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.model.VerificationOutcome;

/**
 * Checks an untrusted token's structure and signature against the keys it trusts (per issuer), strictly:
 * size bounded before parsing, an algorithm allow-list per key, {@code crit} honoured. It never throws for
 * bad input; it answers {@code Rejected} with a reason. Claim rules are the domain policies' business.
 */
public interface TokenVerifier {
    VerificationOutcome verify(UntrustedToken token);
}
