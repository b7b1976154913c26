package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.IdentityOutcome;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SalesforceIdentities;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SalesforceIdentities} must do, as the web-server flow's identity check relies on it: a live
 * session names its own user; a session Salesforce no longer accepts, one without an identity URL, and one whose
 * identity URL is on a host the policy refuses all fail without a name (the last without the token being sent).
 * Never an exception.
 */
public abstract class SalesforceIdentitiesContract {
    protected static final Subject ALICE = new Subject("alice@acme.com");

    protected abstract SalesforceIdentities identities();

    /** A live session for {@code user}, with the identity URL Salesforce's token response gave. */
    protected abstract SalesforceSession liveSessionFor(Subject user);

    /** A session Salesforce has ended (its identity URL still set). */
    protected abstract SalesforceSession endedSession();

    @Test
    void givenLiveSession_identify_namesItsUser() {
        var outcome = identities().identify(liveSessionFor(ALICE));
        assertThat(outcome).isEqualTo(new IdentityOutcome.Identified(ALICE));
    }

    @Test
    void givenSessionsOfTwoUsers_identify_namesEachItsOwn() {
        var bob = new Subject("bob@acme.com");
        assertThat(identities().identify(liveSessionFor(bob))).isEqualTo(new IdentityOutcome.Identified(bob));
        assertThat(identities().identify(liveSessionFor(ALICE))).isEqualTo(new IdentityOutcome.Identified(ALICE));
    }

    @Test
    void givenEndedSession_identify_failsWithoutAName() {
        var outcome = identities().identify(endedSession());
        assertThat(outcome).isInstanceOf(IdentityOutcome.Failed.class);
        assertThat(((IdentityOutcome.Failed) outcome).failure().kind())
                .isIn(SalesforceFailure.Kind.REJECTED, SalesforceFailure.Kind.SESSION_REJECTED);
    }

    @Test
    void givenSessionWithoutIdentityUrl_identify_failsAsMalformed() {
        var live = liveSessionFor(ALICE);
        var bare = new SalesforceSession(live.accessToken(), live.instanceUrl(), live.issuedAt(), live.assumedExpiry(), live.refreshToken(),
                Optional.empty());
        var outcome = identities().identify(bare);
        assertThat(outcome).isInstanceOf(IdentityOutcome.Failed.class);
        assertThat(((IdentityOutcome.Failed) outcome).failure().kind()).isEqualTo(SalesforceFailure.Kind.MALFORMED_RESPONSE);
    }

    @Test
    void givenIdentityUrlOnAForeignHost_identify_refusesIt() {
        var live = liveSessionFor(ALICE);
        var foreign = new SalesforceSession(live.accessToken(), live.instanceUrl(), live.issuedAt(), live.assumedExpiry(), live.refreshToken(),
                Optional.of(URI.create("https://salesforce.com.evil.example/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS")));
        var outcome = identities().identify(foreign);
        assertThat(outcome).isInstanceOf(IdentityOutcome.Failed.class);
        assertThat(((IdentityOutcome.Failed) outcome).failure().kind()).isEqualTo(SalesforceFailure.Kind.UNTRUSTED_HOST);
    }
}
