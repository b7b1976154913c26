package dev.vizgate.domain.model;

/** The id of a Connected App secret: the {@code kid} of a direct-trust token. The id is not secret. */
public record SecretId(String value) {
    public SecretId {
        Text.token(value, "secret id", 256);
    }

    public KeyId asKeyId() {
        return new KeyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
