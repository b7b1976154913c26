package dev.vizgate.config;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The known key an unknown one was probably meant to be: the same letters in another case or separator
 * ({@code serverUrl}, {@code server_url} for {@code server-url}), else the nearest by edit distance when it is close
 * enough to be a typo (at most a third of the key's length, and at most 3).
 */
final class KeySuggestion {
    private KeySuggestion() {
    }

    static Optional<String> closest(String unknown, Collection<String> known) {
        var bare = bare(unknown);
        var same = known.stream().filter(k -> bare(k).equals(bare)).findFirst();
        if (same.isPresent()) {
            return same;
        }
        var limit = Math.min(3, Math.max(1, unknown.length() / 3));
        var distance = new LevenshteinDistance(limit);
        return known.stream()
                .filter(k -> distance.apply(unknown.toLowerCase(Locale.ROOT), k) >= 0)
                .min(Comparator.comparingInt((String k) -> distance.apply(unknown.toLowerCase(Locale.ROOT), k)).thenComparing(Comparator.naturalOrder()));
    }

    private static String bare(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
