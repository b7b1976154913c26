package dev.vizgate.sdk;

import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.usecase.InspectToken;

import java.time.Clock;
import java.time.Duration;

/** Judges a token against the vendors' documented rules without its key: the inspector, with the production decoder. */
public final class Inspection {
    /** The decoder's bound: far above any real token. */
    public static final int MAX_TOKEN_LENGTH = UntrustedToken.DEFAULT_MAX_LENGTH;

    private Inspection() {
    }

    public static InspectToken inspector(Duration tableauMaxLifetime, Clock clock) {
        return new InspectToken(Assemblies.found().tokenDecoder(), tableauMaxLifetime, clock);
    }
}
