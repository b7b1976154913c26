package dev.vizgate.adapters.keystore;

import dev.vizgate.adapters.keystore.KeyMaterialException.Problem;
import dev.vizgate.domain.model.Text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Optional;

/**
 * A signing key that stays inside a PKCS#11 token (an HSM, or SoftHSM2 for tests), through the JDK's SunPKCS11
 * provider. The private key object is only a handle: its bytes never leave the token, and signatures are made
 * inside it. The configured provider is added to the JCA provider list, because the signer asks the JCA for a
 * {@code Signature} that accepts the key.
 */
public final class Pkcs11Keys {
    private Pkcs11Keys() {
    }

    /** The SunPKCS11 provider for a config file ({@code name}, {@code library}, {@code slot} or {@code slotListIndex}). */
    public static Provider provider(Path config) {
        if (!Files.isRegularFile(config)) {
            throw new KeyMaterialException(Problem.NOT_FOUND, config.toString(), "does not exist", "write a SunPKCS11 configuration (name, library, slotListIndex)");
        }
        var base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new KeyMaterialException(Problem.UNSUPPORTED_KEY_TYPE, config.toString(), "this JDK has no SunPKCS11 provider", "use a JDK with the jdk.crypto.cryptoki module");
        }
        Provider configured;
        try {
            configured = base.configure(config.toString());
        } catch (RuntimeException e) {
            // The provider's own words (e.g. that the library cannot be loaded); never the exception's class name.
            throw new KeyMaterialException(Problem.MALFORMED, config.toString(), "could not start the PKCS#11 token ("
                    + (e.getMessage() == null ? "the provider gave no reason" : Text.oneLine(e.getMessage(), 200)) + ")",
                    "check the library path and slot in the PKCS#11 configuration");
        }
        synchronized (Pkcs11Keys.class) {
            var existing = Security.getProvider(configured.getName());
            if (existing != null) {
                return existing;
            }
            Security.addProvider(configured);
            return configured;
        }
    }

    public static KeyStores.Entry load(Path config, String alias, char[] pin) {
        var provider = provider(config);
        var source = config + "#" + alias;
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
        } catch (IOException e) {
            throw new KeyMaterialException(Problem.WRONG_PASSWORD, source, "the token refused the PIN", "check the PIN");
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(Problem.MALFORMED, source, "the token could not be opened", "check the PKCS#11 configuration");
        }
        try {
            if (!store.containsAlias(alias)) {
                throw new KeyMaterialException(Problem.MISSING_ALIAS, source, "the token has no key labelled '" + alias + "' (it has "
                        + Collections.list(store.aliases()) + "; SunPKCS11 lists private keys that have a certificate)", "set alias to one of the labels listed");
            }
            var key = store.getKey(alias, null);
            if (!(key instanceof PrivateKey pk)) {
                throw new KeyMaterialException(Problem.NOT_A_PRIVATE_KEY, source, "is not a private key", "choose the alias of a private key");
            }
            var cert = store.getCertificate(alias);
            // A token's private key may not expose its size; its certificate's public key always does.
            KeyStrength.check(source, cert instanceof X509Certificate x ? x.getPublicKey() : pk);
            return new KeyStores.Entry(pk, cert instanceof X509Certificate x ? Optional.of(x) : Optional.empty());
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(Problem.MALFORMED, source, "could not be read from the token", "check the token");
        }
    }
}
