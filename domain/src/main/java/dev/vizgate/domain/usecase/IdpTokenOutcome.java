package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UseCaseResult;
import dev.vizgate.domain.policy.PolicyViolation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What {@link ExchangeForTableauToken} got for the caller's user. */
public sealed interface IdpTokenOutcome {
    /** How the run ended, as an observation may tag it. */
    UseCaseResult result();

    /** The IdP's token meets every EAS rule: hand it to Tableau. */
    record Issued(SignedToken token, Instant expiresAt, KeyId keyId, TokenId tokenId) implements IdpTokenOutcome {
        @Override
        public UseCaseResult result() {
            return UseCaseResult.GRANTED;
        }

        public Issued {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(tokenId, "tokenId");
        }
    }

    /**
     * One rule the IdP's token breaks, the IdP setting that fixes it, and the setting of Vizgate's that goes with it, if
     * any, for the face to name as its configuration spells it.
     */
    record RuleBreak(PolicyViolation violation, String idpSetting, Optional<SettingId> ours) {
        public RuleBreak {
            Objects.requireNonNull(violation, "violation");
            Text.printable(idpSetting, "idpSetting", 512);
            Objects.requireNonNull(ours, "ours");
        }
    }

    /** The IdP issued a token Tableau would refuse; it is not handed out. */
    record BreaksTableauRules(List<RuleBreak> breaks) implements IdpTokenOutcome {
        @Override
        public UseCaseResult result() {
            return UseCaseResult.REFUSED;
        }

        public BreaksTableauRules {
            breaks = List.copyOf(breaks);
            if (breaks.isEmpty()) {
                throw new IllegalArgumentException("name at least one broken rule");
            }
        }
    }

    /** The IdP refused the exchange. */
    record IdpRefused(String error, String description) implements IdpTokenOutcome {
        @Override
        public UseCaseResult result() {
            return UseCaseResult.REFUSED;
        }

        public IdpRefused {
            Text.printable(error, "error", 200);
            Text.printable(description, "description", 1024);
        }
    }

    /**
     * The IdP issued a token that cannot be handed to Tableau for a reason retrying will not change: its signature does
     * not verify under the keys the IdP publishes (which Tableau will fetch), or it carries a kid or jti no Tableau token
     * can. Not an outage.
     */
    record Unusable(String reason) implements IdpTokenOutcome {
        @Override
        public UseCaseResult result() {
            return UseCaseResult.FAILED;
        }

        public Unusable {
            Text.printable(reason, "reason", 1024);
        }
    }

    /** The IdP, or the keys it publishes, could not be reached: retry shortly. */
    record IdpUnavailable(String reason) implements IdpTokenOutcome {
        @Override
        public UseCaseResult result() {
            return UseCaseResult.FAILED;
        }

        public IdpUnavailable {
            Text.printable(reason, "reason", 1024);
        }
    }
}
