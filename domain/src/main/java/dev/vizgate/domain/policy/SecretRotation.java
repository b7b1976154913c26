package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.SecretId;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Connected App's secrets and which one signs. Tableau allows at most two per app (a third is error
 * 128), so rotation is: add the second secret, switch the active id, delete the old one. Secret values
 * are key material and live behind {@code KeySource}; this holds only ids.
 */
public record SecretRotation(List<SecretId> secrets, SecretId active) {
    public static final int MAX_SECRETS = 2;

    public SecretRotation {
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(active, "active secret");
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a direct-trust Connected App needs a secret");
        }
        if (secrets.size() > MAX_SECRETS) {
            throw new IllegalArgumentException(secrets.size() + " secrets configured; a Connected App holds at most "
                    + MAX_SECRETS + " (Tableau error 128): remove the retired one");
        }
        if (new HashSet<>(secrets).size() != secrets.size()) {
            throw new IllegalArgumentException("secret ids must be distinct");
        }
        if (!secrets.contains(active)) {
            throw new IllegalArgumentException("active secret " + active + " is not among the configured secrets " + secrets);
        }
    }

    public static SecretRotation single(SecretId secret) {
        return new SecretRotation(List.of(secret), secret);
    }

    /** The secret kept during a rotation but no longer signing, if any. */
    public Optional<SecretId> standby() {
        return secrets.stream().filter(s -> !s.equals(active)).findFirst();
    }

    /** Signs with {@code next} from now on; {@code next} must already be configured. */
    public SecretRotation activate(SecretId next) {
        return new SecretRotation(secrets, next);
    }
}
