package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.TokenExchangeOutcome;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.port.TokenExchange;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Exchanges the subject tokens it was told about for the tokens given; any other is invalid_grant, as an IdP answers. */
public final class FakeTokenExchange implements TokenExchange {
    private final Map<String, UntrustedToken> answers = new ConcurrentHashMap<>();
    private volatile boolean down;

    public FakeTokenExchange answering(UntrustedToken subject, UntrustedToken issued) {
        answers.put(subject.value(), issued);
        return this;
    }

    public FakeTokenExchange down() {
        down = true;
        return this;
    }

    @Override
    public TokenExchangeOutcome exchange(UntrustedToken subjectToken) {
        if (down) {
            return new TokenExchangeOutcome.Unavailable("the fake IdP is down");
        }
        var issued = answers.get(subjectToken.value());
        return issued == null ? new TokenExchangeOutcome.Refused("invalid_grant", "subject token is not valid")
                : new TokenExchangeOutcome.Exchanged(issued);
    }
}
