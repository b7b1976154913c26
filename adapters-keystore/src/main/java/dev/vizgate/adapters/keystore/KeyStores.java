package dev.vizgate.adapters.keystore;

import dev.vizgate.adapters.keystore.KeyMaterialException.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Optional;

/** A private key and its certificate from a PKCS#12 or JKS keystore (the JDK detects which). */
public final class KeyStores {
    public record Entry(PrivateKey privateKey, Optional<X509Certificate> certificate) {
    }

    private KeyStores() {
    }

    public static Entry load(Path file, String alias, char[] storePassword, Optional<char[]> keyPassword) {
        var source = file.toString();
        KeyStore store;
        if (!Files.isRegularFile(file)) {
            throw new KeyMaterialException(Problem.NOT_FOUND, source, "does not exist", "check the keystore path");
        }
        try {
            store = KeyStore.getInstance(file.toFile(), storePassword);
        } catch (IOException e) {
            var cause = e.getCause();
            if (cause instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new KeyMaterialException(Problem.WRONG_PASSWORD, source, "could not be opened with the given password", "check the keystore password");
            }
            throw new KeyMaterialException(Problem.MALFORMED, source, "is not a PKCS#12 or JKS keystore", "give a .p12 or .jks file");
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(Problem.MALFORMED, source, "is not a PKCS#12 or JKS keystore", "give a .p12 or .jks file");
        }
        try {
            if (!store.containsAlias(alias)) {
                throw new KeyMaterialException(Problem.MISSING_ALIAS, source, "has no entry named '" + alias + "' (it has "
                        + Collections.list(store.aliases()) + ")", "set alias to one of the names listed");
            }
            var key = store.getKey(alias, keyPassword.orElse(storePassword));
            if (!(key instanceof PrivateKey pk)) {
                throw new KeyMaterialException(Problem.NOT_A_PRIVATE_KEY, source, "entry '" + alias + "' holds no private key",
                        "choose the alias of a private key entry");
            }
            PemKeys.checkStrength(new KeyInput.FromFile(file), pk);
            var cert = store.getCertificate(alias);
            return new Entry(pk, cert instanceof X509Certificate x ? Optional.of(x) : Optional.empty());
        } catch (UnrecoverableKeyException e) {
            throw new KeyMaterialException(Problem.WRONG_PASSWORD, source, "entry '" + alias + "' could not be opened with the given key password",
                    "check the key password (it may differ from the store password)");
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(Problem.MALFORMED, source, "entry '" + alias + "' could not be read", "re-export the keystore");
        }
    }
}
