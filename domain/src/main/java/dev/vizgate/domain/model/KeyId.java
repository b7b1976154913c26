package dev.vizgate.domain.model;

/** A JWS {@code kid}: names the key that signed, for a secret id as much as for a published public key. */
public record KeyId(String value) {
    public KeyId {
        Text.token(value, "key id", 256);
    }

    @Override
    public String toString() {
        return value;
    }
}
