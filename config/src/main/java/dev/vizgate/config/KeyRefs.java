package dev.vizgate.config;

import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.sdk.KeyMaterial;
import dev.vizgate.sdk.KeySpec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A configured {@link KeyRef} as the sdk's {@link KeySpec}: files resolved against the config's folder. */
final class KeyRefs {
    private KeyRefs() {
    }

    /** A private key: its file, if any, must be readable by its owner only ({@link FilePermissions}). */
    static KeySpec spec(String path, KeyRef ref, ConfigFiles files) {
        return spec(path, ref, files, true);
    }

    /** A public key (a platform's assertion key): nothing secret in its file. */
    static KeySpec publicSpec(String path, KeyRef ref, ConfigFiles files) {
        return spec(path, ref, files, false);
    }

    private static KeySpec spec(String path, KeyRef ref, ConfigFiles files, boolean secret) {
        UnaryOperator<Path> mark = secret ? files::secretFile : p -> p;
        KeyMaterial material;
        if (ref instanceof KeyRef.Text t) {
            material = t.isFile() ? KeyMaterial.PemFile.of(mark.apply(files.resolve(t.value().substring("file:".length())))) : new KeyMaterial.PemText(t.value());
        } else if (ref instanceof KeyRef.PemFile f) {
            material = new KeyMaterial.PemFile(mark.apply(files.resolve(f.file())), f.password());
        } else if (ref instanceof KeyRef.KeyStoreEntry e) {
            material = Check.attempt(path, () -> new KeyMaterial.KeyStoreEntry(mark.apply(files.resolve(e.file())), e.alias(), e.password(), e.keyPassword()),
                    "name the keystore's alias");
        } else if (ref instanceof KeyRef.Stored st) {
            material = new KeyMaterial.Stored(Check.attempt(path, () -> new SecretRef(st.store(), st.location(), st.field()),
                    "name the store and where the key's PEM is"));
        } else {
            var p = (KeyRef.Pkcs11) ref;
            material = Check.attempt(path, () -> new KeyMaterial.Pkcs11(files.resolve(p.config()), p.alias(), p.pin()), "name the token's alias");
        }
        var kid = Check.attempt(path + ".kid", () -> ref.kid().map(KeyId::new), "use a short kid without spaces");
        Optional<JwsAlgorithm> alg = Optional.empty();
        if (ref.alg().isPresent()) {
            var name = ref.alg().get();
            alg = Optional.of(JwsAlgorithm.fromName(name).filter(a -> !a.isSymmetric())
                    .orElseThrow(() -> new ConfigError(path + ".alg", "alg " + name + " is not RS256, PS256 or ES256", "set alg to RS256, PS256 or ES256")));
        }
        return new KeySpec(material, kid, alg);
    }
}
