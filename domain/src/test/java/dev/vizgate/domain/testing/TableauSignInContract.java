package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.SignInOutcome;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.port.TableauSignIn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * What every {@link TableauSignIn} must do: a JWT Tableau accepts gives a session; one it refuses gives {@code Refused}
 * with Tableau's status; a Tableau that cannot be reached gives {@code Failed}. Never an exception, and sign-out
 * never throws either.
 */
public abstract class TableauSignInContract {
    protected static final SignedToken JWT = new SignedToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl");
    protected static final SiteContentUrl SITE = new SiteContentUrl("mysite");

    /** A sign-in against a Tableau that accepts the JWT. */
    protected abstract TableauSignIn accepting();

    /** A sign-in against a Tableau that refuses the JWT (HTTP 401, REST error 401001). */
    protected abstract TableauSignIn refusing();

    /** A sign-in against a Tableau that cannot be reached. */
    protected abstract TableauSignIn unreachable();

    @Test
    void givenAJwtTableauAccepts_signIn_givesASessionWithItsCredentials() {
        var outcome = accepting().signIn(JWT, SITE);
        assertThat(outcome).isInstanceOf(SignInOutcome.SignedIn.class);
        var session = ((SignInOutcome.SignedIn) outcome).session();
        assertThat(session.credentialsToken()).isNotBlank();
        assertThat(session.siteId()).isNotBlank();
        assertThat(session.userId()).isNotBlank();
    }

    @Test
    void givenAJwtTableauRefuses_signIn_isRefusedWithTableausStatus() {
        var outcome = refusing().signIn(JWT, SITE);
        assertThat(outcome).isInstanceOf(SignInOutcome.Refused.class);
        assertThat(((SignInOutcome.Refused) outcome).httpStatus()).isEqualTo(401);
    }

    @Test
    void givenTableauUnreachable_signIn_failsTypedWithoutThrowing() {
        assertThat(unreachable().signIn(JWT, SITE)).isInstanceOf(SignInOutcome.Failed.class);
    }

    @Test
    void givenASession_signOut_neverThrows() {
        var signIn = accepting();
        var session = ((SignInOutcome.SignedIn) signIn.signIn(JWT, SITE)).session();
        assertThatCode(() -> signIn.signOut(session)).doesNotThrowAnyException();
        assertThatCode(() -> unreachable().signOut(session)).doesNotThrowAnyException();
    }
}
