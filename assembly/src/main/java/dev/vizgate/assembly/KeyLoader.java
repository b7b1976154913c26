package dev.vizgate.assembly;

import dev.vizgate.adapters.keystore.KeyInput;
import dev.vizgate.adapters.keystore.KeyMaterialException;
import dev.vizgate.adapters.keystore.KeyPairs;
import dev.vizgate.adapters.keystore.KeyStores;
import dev.vizgate.adapters.keystore.KeyStrength;
import dev.vizgate.adapters.keystore.PemKeys;
import dev.vizgate.adapters.keystore.Pkcs11Keys;
import dev.vizgate.adapters.tableau.JjwtJwkEncoder;
import dev.vizgate.adapters.tableau.TrustedKey;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.sdk.KeyMaterial;
import dev.vizgate.sdk.KeySpec;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.SettingsException;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.util.Optional;

/** Loads a {@link KeySpec}, checking its strength; every failure is a {@link SettingsException} naming the setting. */
final class KeyLoader {
    private KeyLoader() {
    }

    /** The spec with a stored key read from its store as PEM text; any other spec as it is. */
    static KeySpec resolved(Setting setting, KeySpec spec, LiveSecrets live) {
        if (!(spec.material() instanceof KeyMaterial.Stored s)) {
            return spec;
        }
        var pem = live.follow(setting, s.ref(), v -> Optional.empty(), "store the key's PEM text there").current().value();
        return new KeySpec(new KeyMaterial.PemText(pem), spec.kid(), spec.alg());
    }

    static LoadedKey signing(Setting setting, KeySpec spec) {
        try {
            PrivateKey key;
            Optional<PublicKey> pub = Optional.empty();
            var material = spec.material();
            if (material instanceof KeyMaterial.PemText t) {
                key = PemKeys.privateKey(new KeyInput.FromText(setting.toString(), t.pem()), Optional.empty());
            } else if (material instanceof KeyMaterial.PemFile f) {
                key = PemKeys.privateKey(new KeyInput.FromFile(f.file()), f.password().map(String::toCharArray));
            } else if (material instanceof KeyMaterial.KeyStoreEntry e) {
                var entry = KeyStores.load(e.file(), e.alias(), e.password().orElse("").toCharArray(), e.keyPassword().map(String::toCharArray));
                key = entry.privateKey();
                pub = entry.certificate().map(Certificate::getPublicKey);
            } else if (material instanceof KeyMaterial.Pkcs11 p) {
                var entry = Pkcs11Keys.load(p.config(), p.alias(), p.pin().orElse("").toCharArray());
                key = entry.privateKey();
                pub = entry.certificate().map(Certificate::getPublicKey);
                if (pub.isEmpty()) {
                    throw new SettingsException(setting, "the token holds no certificate for '" + p.alias() + "', so its public key is unknown",
                            "store a certificate with the key in the token");
                }
            } else if (material instanceof KeyMaterial.Stored) {
                throw new IllegalStateException("a stored key is read from its store before it is loaded");
            } else if (((KeyMaterial.InMemory) material).key() instanceof PrivateKey k) {
                KeyStrength.check(setting.toString(), k); // keys handed over in memory are checked like keys read from files
                key = k;
            } else {
                throw new SettingsException(setting, "a signing key must be a private key, not a " + ((KeyMaterial.InMemory) material).key().getAlgorithm()
                        + " public key", "give the private key; its public half is derived");
            }
            var privateKey = key;
            var publicKey = pub.orElseGet(() -> KeyPairs.publicOf(setting.toString(), privateKey));
            var alg = algorithm(setting, spec.alg(), key);
            var kid = spec.kid().orElseGet(() -> new KeyId(JjwtJwkEncoder.thumbprint(publicKey)));
            return new LoadedKey(kid, alg, key, publicKey);
        } catch (KeyMaterialException e) {
            throw new SettingsException(setting, e.getMessage(), e.fix());
        } catch (IllegalArgumentException e) {
            throw new SettingsException(setting, e.getMessage(), "check the key's kid and alg");
        }
    }

    /** A platform's public key: PEM text or file (a key or a certificate), or a key in memory. */
    static TrustedKey trusted(Setting setting, KeySpec spec) {
        try {
            PublicKey key;
            var material = spec.material();
            if (material instanceof KeyMaterial.PemText t) {
                key = PemKeys.publicKey(new KeyInput.FromText(setting.toString(), t.pem()));
            } else if (material instanceof KeyMaterial.PemFile f && f.password().isEmpty()) {
                key = PemKeys.publicKey(new KeyInput.FromFile(f.file()));
            } else if (material instanceof KeyMaterial.InMemory m && m.key() instanceof PublicKey k) {
                KeyStrength.check(setting.toString(), k);
                key = k;
            } else {
                throw new SettingsException(setting, "a platform's key is its public key or certificate as a PEM file or text",
                        "give the platform's public key or certificate as a PEM file");
            }
            var alg = spec.alg().orElse("EC".equals(key.getAlgorithm()) ? JwsAlgorithm.ES256 : JwsAlgorithm.RS256);
            return new TrustedKey(spec.kid(), alg, key);
        } catch (KeyMaterialException e) {
            throw new SettingsException(setting, e.getMessage(), e.fix());
        } catch (IllegalArgumentException e) {
            throw new SettingsException(setting, e.getMessage(), "give an RSA or EC public key");
        }
    }

    private static JwsAlgorithm algorithm(Setting setting, Optional<JwsAlgorithm> configured, PrivateKey key) {
        if (configured.isPresent()) {
            var alg = configured.get();
            if (!alg.acceptsKeyAlgorithm(key.getAlgorithm())) {
                throw new SettingsException(setting.algorithm(), alg + " does not fit a " + key.getAlgorithm() + " key",
                        "use ES256 for EC keys, RS256 or PS256 for RSA keys");
            }
            return alg;
        }
        return "EC".equals(key.getAlgorithm()) ? JwsAlgorithm.ES256 : JwsAlgorithm.RS256;
    }
}
