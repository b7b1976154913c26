package dev.vizgate.adapters.keystore;

import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificatesTest {
    @Test
    void givenCertificateOfAnotherKey_requireMatch_isATypedMismatchNamingTheSource() {
        var key = PemKeys.privateKey(KeyLoadingTest.file("rsa-pkcs8.pem"), Optional.empty());
        var other = PemKeys.certificate(KeyLoadingTest.file("other-cert.crt"));
        assertThatThrownBy(() -> Certificates.requireMatch("keys/sf_public_cert.crt", other, key))
                .isInstanceOfSatisfying(KeyMaterialException.class, e -> {
                    assertThat(e.problem()).isEqualTo(KeyMaterialException.Problem.KEY_CERTIFICATE_MISMATCH);
                    assertThat(e.getMessage()).startsWith("keys/sf_public_cert.crt: ").doesNotContain("MII");
                });
    }

    @Test
    void givenItsOwnCertificate_requireMatch_passes() {
        var key = PemKeys.privateKey(KeyLoadingTest.file("rsa-pkcs8.pem"), Optional.empty());
        Certificates.requireMatch("c", PemKeys.certificate(KeyLoadingTest.file("rsa-cert.crt")), key);
    }

    @Test
    void givenExpiredCertificate_expiryWarning_givesTheDate() {
        var generated = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "t", Duration.ofDays(1), new MutableClock());
        var later = new MutableClock(MutableClock.START.plus(Duration.ofDays(2)));
        assertThat(Certificates.expiryWarning(generated.certificate(), later)).hasValueSatisfying(w ->
                assertThat(w).isEqualTo("the certificate expired on " + generated.certificate().getNotAfter().toInstant()));
    }

    @Test
    void givenCertificateExpiringWithin30Days_expiryWarning_saysWhen() {
        var generated = KeyGeneration.generate(KeyGeneration.Kind.EC_P256, 0, "t", Duration.ofDays(10), new MutableClock());
        assertThat(Certificates.expiryWarning(generated.certificate(), new MutableClock())).hasValueSatisfying(w -> assertThat(w).startsWith("the certificate expires on"));
        assertThat(Certificates.expiryWarning(KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "t", Duration.ofDays(365), Clock.systemUTC()).certificate(),
                Clock.systemUTC())).isEmpty();
    }
}
