package dev.vizgate.app.wiring;

import dev.vizgate.adapters.keystore.KeyInput;
import dev.vizgate.adapters.keystore.KeyMaterialException;
import dev.vizgate.adapters.keystore.KeyPairs;
import dev.vizgate.adapters.keystore.KeyStores;
import dev.vizgate.adapters.keystore.PemKeys;
import dev.vizgate.adapters.tableau.JjwtJwkEncoder;
import dev.vizgate.app.config.ConfigError;
import dev.vizgate.app.config.ConfigFiles;
import dev.vizgate.app.config.KeyRef;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/** Turns a configured {@link KeyRef} into a key pair with its kid and algorithm; every failure is a {@link ConfigError}. */
final class Keys {
    record Loaded(KeyId kid, JwsAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
        @Override
        public String toString() {
            return "Loaded[" + kid + ", " + algorithm + "]";
        }
    }

    private Keys() {
    }

    static Loaded load(String path, KeyRef ref, ConfigFiles files) {
        try {
            PrivateKey key;
            Optional<PublicKey> pub = Optional.empty();
            if (ref instanceof KeyRef.Text t) {
                var input = t.isFile() ? new KeyInput.FromFile(files.resolve(t.value().substring("file:".length())))
                        : new KeyInput.FromText(path, t.value());
                key = PemKeys.privateKey(input, Optional.empty());
            } else if (ref instanceof KeyRef.PemFile f) {
                key = PemKeys.privateKey(new KeyInput.FromFile(files.resolve(f.file())), f.password().map(String::toCharArray));
            } else if (ref instanceof KeyRef.KeyStoreEntry e) {
                var entry = KeyStores.load(files.resolve(e.file()), e.alias(), e.password().orElse("").toCharArray(),
                        e.keyPassword().map(String::toCharArray));
                key = entry.privateKey();
                pub = entry.certificate().map(java.security.cert.Certificate::getPublicKey);
            } else {
                var p11 = (KeyRef.Pkcs11) ref;
                var entry = dev.vizgate.adapters.keystore.Pkcs11Keys.load(files.resolve(p11.config()), p11.alias(), p11.pin().orElse("").toCharArray());
                key = entry.privateKey();
                pub = entry.certificate().map(java.security.cert.Certificate::getPublicKey);
                if (pub.isEmpty()) {
                    throw new ConfigError(path, "the token holds no certificate for '" + p11.alias() + "', so its public key is unknown",
                            "store a certificate with the key in the token");
                }
            }
            var publicKey = pub.orElseGet(() -> KeyPairs.publicOf(path, key));
            var alg = algorithm(path, ref.alg(), key);
            var kid = ref.kid().map(KeyId::new).orElseGet(() -> new KeyId(JjwtJwkEncoder.thumbprint(publicKey)));
            return new Loaded(kid, alg, key, publicKey);
        } catch (KeyMaterialException e) {
            throw new ConfigError(path, e.getMessage(), e.fix());
        } catch (IllegalArgumentException e) {
            throw new ConfigError(path, e.getMessage(), "check the key's kid and alg");
        }
    }

    private static JwsAlgorithm algorithm(String path, Optional<String> configured, PrivateKey key) {
        if (configured.isPresent()) {
            var alg = JwsAlgorithm.fromName(configured.get()).filter(a -> !a.isSymmetric())
                    .orElseThrow(() -> new ConfigError(path + ".alg", "alg " + configured.get() + " is not RS256, PS256 or ES256",
                            "set alg to RS256, PS256 or ES256"));
            if (!alg.acceptsKeyAlgorithm(key.getAlgorithm())) {
                throw new ConfigError(path + ".alg", alg + " does not fit a " + key.getAlgorithm() + " key", "use ES256 for EC keys, RS256 or PS256 for RSA keys");
            }
            return alg;
        }
        return "EC".equals(key.getAlgorithm()) ? JwsAlgorithm.ES256 : JwsAlgorithm.RS256;
    }
}
