package dev.vizgate.sdk;

import dev.vizgate.domain.usecase.RegisterUatConfiguration;

import java.util.Objects;

/**
 * The UAT configurations of a Tableau Cloud Manager tenant, as its administrator's personal access token opens them:
 * what {@code vizgate uat register} and {@code doctor} use. Tokens are never minted here.
 */
public final class UatRegistration {
    private UatRegistration() {
    }

    /** @param tokenSecret the personal access token's secret, already read from wherever it is kept; never printed */
    public static RegisterUatConfiguration of(CloudManagerSettings settings, String tokenSecret) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(tokenSecret, "tokenSecret");
        return Assemblies.found().uatConfigurations(settings, tokenSecret);
    }
}
