package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.FrontdoorOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.RevokeOutcome;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.port.SalesforceAuthorization;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SalesforceAuthorization} must do, as {@code OpenTableauNextSession} relies on it: a grant Salesforce
 * accepts gives a session; its session gives a frontdoor URL on the org's host; a refused grant is {@code REJECTED}
 * with Salesforce's error; an ended session is {@code SessionRejected} (so the use case re-exchanges once); an
 * unreachable Salesforce is {@code UNAVAILABLE}. Never an exception.
 */
public abstract class SalesforceAuthorizationContract {
    /** Salesforce accepts the grant, issues frontdoor URLs, and revokes. */
    protected abstract SalesforceAuthorization accepting();

    /** Salesforce refuses the grant with {@code invalid_grant}. */
    protected abstract SalesforceAuthorization refusing();

    /** Salesforce accepts the grant but has ended every session by the time singleaccess is called (401 INVALID_SESSION_ID). */
    protected abstract SalesforceAuthorization sessionEnded();

    /** Salesforce cannot be reached. */
    protected abstract SalesforceAuthorization unreachable();

    /** A grant for the pre-authorized user. */
    protected abstract Grant grant();

    private SalesforceSession exchanged(SalesforceAuthorization authorization) {
        var outcome = authorization.exchange(grant());
        assertThat(outcome).isInstanceOf(ExchangeOutcome.Exchanged.class);
        return ((ExchangeOutcome.Exchanged) outcome).session();
    }

    @Test
    void givenAnAcceptedGrant_exchange_givesASessionAndItsFrontdoorUrlIsOnTheOrgsHost() {
        var authorization = accepting();
        var session = exchanged(authorization);
        assertThat(session.accessToken().value()).isNotBlank();
        var frontdoor = authorization.frontdoor(session, Optional.empty());
        assertThat(frontdoor).isInstanceOf(FrontdoorOutcome.Issued.class);
        var url = ((FrontdoorOutcome.Issued) frontdoor).url().value();
        assertThat(url.getHost()).isEqualTo(session.instanceUrl().value().getHost());
        assertThat(url.getPath()).isEqualTo("/secur/frontdoor.jsp");
    }

    @Test
    void givenARefusedGrant_exchange_isRejectedWithSalesforcesError() {
        var outcome = refusing().exchange(grant());
        assertThat(outcome).isInstanceOf(ExchangeOutcome.Failed.class);
        var failure = ((ExchangeOutcome.Failed) outcome).failure();
        assertThat(failure.kind()).isEqualTo(SalesforceFailure.Kind.REJECTED);
        assertThat(failure.error()).contains("invalid_grant");
    }

    @Test
    void givenAnEndedSession_frontdoor_saysTheSessionWasRejected() {
        var authorization = sessionEnded();
        var frontdoor = authorization.frontdoor(exchanged(authorization), Optional.empty());
        assertThat(frontdoor).isInstanceOf(FrontdoorOutcome.SessionRejected.class);
        assertThat(((FrontdoorOutcome.SessionRejected) frontdoor).status()).isEqualTo(401);
    }

    @Test
    void givenSalesforceUnreachable_exchange_isUnavailable() {
        var outcome = unreachable().exchange(grant());
        assertThat(outcome).isInstanceOf(ExchangeOutcome.Failed.class);
        assertThat(((ExchangeOutcome.Failed) outcome).failure().kind()).isEqualTo(SalesforceFailure.Kind.UNAVAILABLE);
    }

    @Test
    void givenASession_revoke_revokesIt() {
        var authorization = accepting();
        assertThat(authorization.revoke(exchanged(authorization))).isEqualTo(RevokeOutcome.REVOKED);
    }
}
