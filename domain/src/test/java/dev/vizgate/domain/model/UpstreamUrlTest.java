package dev.vizgate.domain.model;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A URL the gateway calls: https with a host and no user info; plain http only on loopback; whatever document named it. */
class UpstreamUrlTest {
    @Test
    void givenHttpsOrLoopbackHttp_theUrlIsTaken() {
        assertThat(UpstreamUrl.of("https://sso.example.com/certs").value()).isEqualTo(URI.create("https://sso.example.com/certs"));
        assertThat(UpstreamUrl.of("http://127.0.0.1:8080/certs").toString()).isEqualTo("http://127.0.0.1:8080/certs");
        assertThat(UpstreamUrl.check(URI.create("http://localhost/x"), "x")).isEqualTo(URI.create("http://localhost/x"));
    }

    @Test
    void eachBrokenRule_isRefusedSayingWhich() {
        assertThatIllegalArgumentException().isThrownBy(() -> UpstreamUrl.check(null, "the token endpoint")).withMessageContaining("the token endpoint is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> UpstreamUrl.of("/relative/path")).withMessageContaining("not an absolute URL");
        assertThatIllegalArgumentException().isThrownBy(() -> UpstreamUrl.of("https:///nohost")).withMessageContaining("not an absolute URL");
        assertThatIllegalArgumentException().isThrownBy(() -> UpstreamUrl.of("https://user:pw@sso.example.com/")).withMessageContaining("user info");
        assertThatIllegalArgumentException().isThrownBy(() -> UpstreamUrl.of("http://sso.example.com/certs")).withMessageContaining("is not https");
        assertThatIllegalArgumentException().isThrownBy(() -> UpstreamUrl.of("ftp://127.0.0.1/certs")).withMessageContaining("is not https");
        assertThatIllegalArgumentException().isThrownBy(() -> UpstreamUrl.of("https://sso example.com")).withMessageContaining("is not a URL");
    }
}
