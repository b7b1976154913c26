package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.port.TokenSigner;
import dev.vizgate.domain.testing.TokenSignerContract;

import java.security.MessageDigest;
import java.util.Base64;

/** The jjwt signer passes the port's contract; its HS256 signature is checked with the JDK's Mac, not jjwt. */
class JjwtTokenSignerContractTest extends TokenSignerContract {
    @Override
    protected TokenSigner createSigner() {
        return new JjwtTokenSigner();
    }

    @Override
    protected boolean signatureVerifies(SignedToken token, SigningKey key) {
        var expected = Jws.hmac(key.key().getEncoded(), token.signingInput());
        var actual = Base64.getUrlDecoder().decode(token.value().substring(token.value().lastIndexOf('.') + 1));
        return MessageDigest.isEqual(expected, actual);
    }
}
