package dev.vizgate.domain.port;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.FrontdoorOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.RevokeOutcome;
import dev.vizgate.domain.model.SalesforceSession;

import java.util.Optional;

/** Salesforce's OAuth endpoints: token (exchange and refresh), singleaccess (frontdoor) and revoke. */
public interface SalesforceAuthorization {
    /** {@code POST {token-url}/services/oauth2/token}. */
    ExchangeOutcome exchange(Grant grant);

    /** {@code POST {instance_url}/services/oauth2/singleaccess}, optionally with a relative {@code redirect_uri}. */
    FrontdoorOutcome frontdoor(SalesforceSession session, Optional<String> redirectPath);

    /** {@code POST {token-url}/services/oauth2/revoke}; revoking a refresh token revokes its access tokens. */
    RevokeOutcome revoke(SalesforceSession session);
}
