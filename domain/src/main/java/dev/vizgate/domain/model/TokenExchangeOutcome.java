package dev.vizgate.domain.model;

import java.util.Objects;

/** An identity provider's answer to an RFC 8693 token exchange. */
public sealed interface TokenExchangeOutcome {
    /** The issued token, not yet trusted: the caller checks it before handing it out. */
    record Exchanged(UntrustedToken token) implements TokenExchangeOutcome {
        public Exchanged {
            Objects.requireNonNull(token, "token");
        }
    }

    /** The IdP said no (RFC 6749 §5.2: {@code error} and {@code error_description}), e.g. the user's token expired. */
    record Refused(String error, String description) implements TokenExchangeOutcome {
        public Refused {
            Text.printable(error, "error", 200);
            Text.printable(description, "description", 1024);
        }
    }

    /** The IdP could not be asked, or answered something that is not a token response. Not the caller's fault. */
    record Unavailable(String reason) implements TokenExchangeOutcome {
        public Unavailable {
            Text.printable(reason, "reason", 1024);
        }
    }
}
