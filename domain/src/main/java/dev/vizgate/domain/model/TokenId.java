package dev.vizgate.domain.model;

/** A token's {@code jti}: unique per token, the key of the replay ledger. Visible ASCII only. */
public record TokenId(String value) {
    public static final int MAX_LENGTH = 256;

    public TokenId {
        // The usual case is one pass: visible ASCII is already printable, non-blank and free of whitespace.
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !visibleAscii(value)) {
            Text.token(value, ClaimNames.TOKEN_ID, MAX_LENGTH); // says precisely what is wrong, if it is one of the shared rules
            throw new IllegalArgumentException("jti must be visible ASCII");
        }
    }

    private static boolean visibleAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            var c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
