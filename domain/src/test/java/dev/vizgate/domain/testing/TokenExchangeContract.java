package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.TokenExchangeOutcome;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.port.TokenExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link TokenExchange} must do (RFC 8693): a subject token the IdP accepts comes back as a new token; one it
 * does not is Refused with the IdP's {@code error}; an IdP that cannot be reached is Unavailable. None of it throws.
 */
public abstract class TokenExchangeContract {
    /** The adapter under test. */
    protected abstract TokenExchange exchange();

    /** A subject token the IdP behind {@link #exchange()} accepts now. */
    protected abstract UntrustedToken acceptedSubjectToken();

    /** An adapter whose IdP cannot be reached. */
    protected abstract TokenExchange unreachable();

    @Test
    void givenAcceptedSubjectToken_exchange_answersANewToken() {
        var subject = acceptedSubjectToken();
        var outcome = exchange().exchange(subject);
        assertThat(outcome).isInstanceOf(TokenExchangeOutcome.Exchanged.class);
        assertThat(((TokenExchangeOutcome.Exchanged) outcome).token()).isNotEqualTo(subject);
    }

    @Test
    void givenForgedSubjectToken_exchange_isRefusedWithTheIdpsError() {
        var outcome = exchange().exchange(new UntrustedToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.Zm9yZ2Vk"));
        assertThat(outcome).isInstanceOf(TokenExchangeOutcome.Refused.class);
        assertThat(((TokenExchangeOutcome.Refused) outcome).error()).isNotBlank();
    }

    @Test
    void givenUnreachableIdp_exchange_isUnavailable() {
        assertThat(unreachable().exchange(acceptedSubjectToken())).isInstanceOf(TokenExchangeOutcome.Unavailable.class);
    }
}
