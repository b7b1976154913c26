package dev.vizgate.domain.model;

/**
 * A signer could not sign (an HSM that stopped answering, a provider fault). Not an expected outcome,
 * so an exception; the use cases turn it into a typed failure. Never carries key bytes.
 */
public class SigningFailure extends RuntimeException {
    public SigningFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public SigningFailure(String message) {
        super(message);
    }
}
