package dev.vizgate.adapters.secrets;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretValue;
import dev.vizgate.domain.port.SecretStore;

import java.util.Objects;
import java.util.function.Function;

/**
 * Secrets in environment variables: the location is the variable's name. The environment of a running process does
 * not change, so neither does the version; the sources advise a secrets manager instead (doctor says so).
 */
public final class EnvironmentSecretStore implements SecretStore {
    public static final String NAME = "env";

    private final Function<String, String> environment;

    public EnvironmentSecretStore(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public static EnvironmentSecretStore system() {
        return new EnvironmentSecretStore(System::getenv);
    }

    @Override
    public SecretFetch fetch(SecretRef ref) {
        var value = environment.apply(ref.location());
        if (value == null || value.isEmpty()) {
            return new SecretFetch.Missing("environment variable " + ref.location() + " is not set");
        }
        return new SecretFetch.Found(new SecretValue(value, Versions.of(value)));
    }
}
