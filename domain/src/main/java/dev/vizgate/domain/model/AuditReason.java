package dev.vizgate.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why a request was refused: the refusal's type, as the caller's problem document names it (e.g.
 * {@code caller-not-allowed}), and its words on one line. The words are those the caller was told, so they hold no
 * secret.
 */
public record AuditReason(String type, String detail) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public AuditReason {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        if (!SLUG.matcher(type).matches()) {
            throw new IllegalArgumentException("a refusal's type is a slug such as caller-not-allowed");
        }
        detail = Text.oneLine(detail, 512);
    }
}
