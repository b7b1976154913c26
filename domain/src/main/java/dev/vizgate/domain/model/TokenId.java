package dev.vizgate.domain.model;

/** A token's {@code jti}: unique per token, the key of the replay ledger. Visible ASCII only. */
public record TokenId(String value) {
    public static final int MAX_LENGTH = 256;

    public TokenId {
        Text.token(value, "jti", MAX_LENGTH);
        for (int i = 0; i < value.length(); i++) {
            var c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("jti must be visible ASCII");
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
