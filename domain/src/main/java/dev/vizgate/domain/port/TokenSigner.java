package dev.vizgate.domain.port;

import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SigningFailure;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.model.TokenDraft;

/** Signs a checked draft into a compact JWS. Every token this system issues goes through one. */
public interface TokenSigner {
    /**
     * @throws SigningFailure when the key cannot sign (HSM gone, provider fault) or does not fit the header's alg
     */
    SignedToken sign(TokenDraft draft, SigningKey key);
}
