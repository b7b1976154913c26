package dev.vizgate.app.http;

import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.policy.CallerAllowance;
import dev.vizgate.domain.policy.TenantBinding;
import dev.vizgate.domain.usecase.AcceptPlatformAssertion;
import dev.vizgate.domain.usecase.AssertionOutcome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Authorization: Bearer …} is either an API key (a platform backend; stored as SHA-256, compared in constant
 * time against every configured key) or a platform assertion (a browser; verified here through
 * {@link AcceptPlatformAssertion}, and spent once by {@link #spend} when its request is about to be granted). Nobody
 * gets a token for a user they did not prove.
 */
public final class CallerAuthentication {
    /** @param tenants the tenants this key acts for, when the gateway serves tenants; empty for a one-tenant gateway */
    public record ApiKey(String name, byte[] sha256, CallerAllowance allowance, String configPath, Optional<TenantBinding> tenants) {
        public ApiKey {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(allowance, "allowance");
            Objects.requireNonNull(configPath, "configPath");
            Objects.requireNonNull(tenants, "tenants");
            // The name goes into every access-log line as it is: no control characters, so no forged lines.
            if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("a caller name is 1-100 characters without control characters");
            }
            if (sha256.length != 32) {
                throw new IllegalArgumentException("an API key hash is 32 bytes of SHA-256");
            }
            sha256 = sha256.clone();
        }

        public ApiKey(String name, byte[] sha256) {
            this(name, sha256, CallerAllowance.unrestricted(), "callers.api-keys", Optional.empty());
        }

        public static ApiKey ofHex(String name, String hex) {
            return new ApiKey(name, HexFormat.of().parseHex(hex));
        }

        public ApiKey within(CallerAllowance allowance, String configPath) {
            return new ApiKey(name, sha256, allowance, configPath, tenants);
        }

        /** The same key, bound to these tenants. */
        public ApiKey forTenants(Optional<TenantBinding> bound) {
            return new ApiKey(name, sha256, allowance, configPath, bound);
        }

        @Override
        public String toString() {
            return "ApiKey[" + name + "]";
        }
    }

    public sealed interface Outcome {
        record Authenticated(Caller caller) implements Outcome {
        }

        record Refused(Problem problem) implements Outcome {
        }
    }

    private static final Pattern JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final List<ApiKey> keys;
    private final Optional<AcceptPlatformAssertion> assertions;

    public CallerAuthentication(List<ApiKey> keys, Optional<AcceptPlatformAssertion> assertions) {
        this.keys = List.copyOf(keys);
        this.assertions = Objects.requireNonNull(assertions, "assertions");
    }

    public Outcome authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() <= 7) {
            return refused(Problem.unauthenticated("send Authorization: Bearer <API key> (platform backends) or Bearer <platform assertion> (browsers)"));
        }
        var credential = authorization.substring(7).strip();
        // Only a credential that starts like a JSON header can be an assertion; API keys skip the pattern.
        if (credential.startsWith("eyJ")) {
            if (!JWS.matcher(credential).matches()) {
                return refused(Problem.of(ProblemType.ASSERTION_MALFORMED, "the credential starts like a JWT but is not a well-formed compact JWS (three base64url parts separated by dots);"
                                + " send the platform's signed assertion whole, or an API key"));
            }
            if (assertions.isEmpty()) {
                return refused(Problem.unauthenticated("this gateway trusts no platform assertions; configure callers.assertions or use an API key"));
            }
            var token = new UntrustedToken(credential);
            return assertion(assertions.get(), token, assertions.get().check(token));
        }
        return apiKey(credential);
    }

    private Outcome apiKey(String presented) {
        var digest = sha256(presented);
        ApiKey match = null;
        for (var key : keys) {
            // Every key is compared, whichever matches, so timing says nothing about which keys exist.
            if (MessageDigest.isEqual(digest, key.sha256()) && match == null) {
                match = key;
            }
        }
        return match == null
                ? refused(Problem.unauthenticated("the API key is not one this gateway knows; check the key, or its sha256 under callers.api-keys"))
                : new Outcome.Authenticated(new Caller.Backend(match.name(), match.allowance(), match.configPath(), match.tenants()));
    }

    /**
     * Spends the one-time use a browser's assertion still holds: empty when this request is the first to spend it (or
     * there is nothing to spend), else the problem that refuses it (replayed, or the ledger cannot answer).
     */
    public Optional<Problem> spend(Caller caller) {
        if (!(caller instanceof Caller.Browser browser) || browser.unspent().isEmpty() || assertions.isEmpty()) {
            return Optional.empty();
        }
        return assertions.get().spend(browser.unspent().get()).map(refusal -> ((Outcome.Refused) refusal(refusal)).problem());
    }

    private static Outcome assertion(AcceptPlatformAssertion accepting, UntrustedToken token, AssertionOutcome outcome) {
        if (outcome instanceof AssertionOutcome.Accepted a) {
            var idpToken = accepting.isIdentityProvider(a.issuer()) ? Optional.of(token) : Optional.<UntrustedToken>empty();
            return new Outcome.Authenticated(new Caller.Browser(a.issuer(), a.subject(), a.scopes(), a.attributes(), idpToken, a.unspent(), a.tenant()));
        }
        return refusal(outcome);
    }

    private static Outcome refusal(AssertionOutcome outcome) {
        if (outcome instanceof AssertionOutcome.Unavailable u) {
            return refused(Problem.of(ProblemType.REPLAY_LEDGER_UNAVAILABLE, "the replay ledger is unreachable, so no assertion is accepted (fail closed); retry shortly"));
        }
        var r = (AssertionOutcome.Rejected) outcome;
        if (r.reason() == RejectionReason.KEYS_UNAVAILABLE) {
            return refused(Problem.of(ProblemType.ISSUER_KEYS_UNAVAILABLE, r.detail() + "; the assertion was not spent, so send it again shortly").retryAfter(5));
        }
        var kind = switch (r.reason()) {
            case REPLAYED -> ProblemType.ASSERTION_REPLAYED;
            case EXPIRED, NOT_YET_VALID, TOO_LONG_LIVED -> ProblemType.ASSERTION_TIME;
            default -> ProblemType.ASSERTION_INVALID;
        };
        if (r.reason() == RejectionReason.REPLAYED) {
            // The detail already says what to do; the general advice below would only repeat it.
            return refused(Problem.of(kind, r.reason().meaning() + ": " + r.detail()).with("reason", r.reason().name()));
        }
        return refused(Problem.of(kind, r.reason().meaning() + ": " + r.detail()
                + "; mint a fresh assertion (iss, aud, sub, a new jti, exp at most 5 minutes ahead) per request,"
                + " or send a current access token from the identity provider")
                .with("reason", r.reason().name()));
    }

    /** One digest per thread: the provider lookup behind getInstance cost more than the hash of a key. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static byte[] sha256(String value) {
        return SHA256.get().digest(value.getBytes(StandardCharsets.UTF_8)); // digest() also resets it for the next call
    }

    private static Outcome refused(Problem p) {
        return new Outcome.Refused(p);
    }
}
