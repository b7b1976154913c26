package dev.vizgate.domain.model;

import java.util.List;

/**
 * What a signer does with each claim of a Tableau token, in the one layout {@link Claims#writeTo} walks: a JSON
 * writer, a JWT library's builder, a test's map. A visitor, so the hot path builds no intermediate map.
 */
public interface ClaimWriter {
    void text(String name, String value);

    /** A JWT NumericDate: whole seconds since the epoch. */
    void seconds(String name, long epochSeconds);

    void texts(String name, List<String> values);

    void flag(String name, boolean value);
}
