package dev.vizgate.assembly;

import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;

import java.security.PrivateKey;
import java.security.PublicKey;

/** A signing key pair as loaded, with its kid and algorithm decided. */
record LoadedKey(KeyId kid, JwsAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
    @Override
    public String toString() {
        return "LoadedKey[" + kid + ", " + algorithm + "]";
    }
}
