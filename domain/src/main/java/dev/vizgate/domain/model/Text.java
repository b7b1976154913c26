package dev.vizgate.domain.model;

import java.util.Locale;
import java.util.Objects;

/**
 * The checks every textual value shares. Messages quote a value only through {@link #quote},
 * which bounds its length and neutralises control characters, so a hostile value cannot forge log
 * lines; secret-bearing types never call it at all.
 */
public final class Text {
    private Text() {
    }

    /** Non-null, non-blank, no control characters, no surrounding whitespace, at most {@code max} chars. */
    public static String printable(String value, String what, int max) {
        Objects.requireNonNull(value, what + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters; at most " + max + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(what + " must not contain control characters");
            }
        }
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
            throw new IllegalArgumentException(what + " must not start or end with whitespace: " + quote(value));
        }
        return value;
    }

    /** {@link #printable} and no whitespace anywhere: identifiers, ids, URIs. */
    public static String token(String value, String what, int max) {
        printable(value, what, max);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                throw new IllegalArgumentException(what + " must not contain whitespace: " + quote(value));
            }
        }
        return value;
    }

    /**
     * Refuses the characters that make text display as other text: the bidirectional embeddings, overrides and
     * isolates (U+202A–U+202E, U+2066–U+2069), the zero-width and invisible formatting characters
     * (U+200B–U+200F, U+2060–U+2064, U+FEFF, U+00AD), and the line and paragraph separators (U+2028, U+2029),
     * which break a log line where no control character shows.
     */
    public static String undisguised(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            var c = value.charAt(i);
            if (isDisguising(c)) {
                throw new IllegalArgumentException(what + " must not contain invisible or direction-changing characters (U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + " at position " + i
                        + "); they make one name look like another");
            }
        }
        return value;
    }

    static boolean isDisguising(char c) {
        return (c >= '\u2028' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || (c >= '\u200B' && c <= '\u200F') || (c >= '\u2060' && c <= '\u2064') || c == '\uFEFF' || c == '\u00AD';
    }

    /** Any text shown whole and on one line: control and disguising characters written as {@code \\uXXXX}, at most {@code max} characters. */
    public static String escaped(String value, int max) {
        var sb = new StringBuilder(Math.min(value.length(), max) + 8);
        for (int i = 0; i < value.length(); i++) {
            if (sb.length() >= max) {
                sb.append('…');
                break;
            }
            var c = value.charAt(i);
            if (Character.isISOControl(c) || isDisguising(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True when the text holds a control or disguising character: what {@link #escaped} would rewrite. */
    public static boolean needsEscaping(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i)) || isDisguising(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Text from outside (a vendor's error description) made safe for one message line: control characters become spaces, at most {@code max} characters. */
    public static String oneLine(String value, int max) {
        var sb = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && sb.length() < max; i++) {
            var c = value.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return sb.toString();
    }

    /** A value safe to put in a message: at most 64 characters, control characters replaced. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        var shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        var sb = new StringBuilder(shown.length() + 2).append('\'');
        shown.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.append('\'').toString();
    }
}
