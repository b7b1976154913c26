package dev.vizgate.adapters.keystore;

import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.testing.KeySourceContract;

import java.util.Optional;

class ConfiguredKeySourceContractTest extends KeySourceContract {
    @Override
    protected KeySource createKeySource() {
        var key = PemKeys.privateKey(KeyLoadingTest.file("rsa-pkcs8.pem"), Optional.empty());
        return ConfiguredKeySource.builder()
                .signing(SIGNING_KID, JwsAlgorithm.RS256, key)
                .publishing(SIGNING_KID, JwsAlgorithm.RS256, KeyPairs.publicOf("rsa-pkcs8.pem", key))
                .publishing(new KeyId("next"), JwsAlgorithm.ES256, PemKeys.publicKey(KeyLoadingTest.file("ec-public.pem")))
                .build();
    }
}
