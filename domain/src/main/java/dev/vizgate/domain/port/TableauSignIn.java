package dev.vizgate.domain.port;

import dev.vizgate.domain.model.SignInOutcome;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.TableauRestSession;

/** Tableau's REST API JWT sign-in (REST API 3.17 or later) and sign-out. */
public interface TableauSignIn {
    SignInOutcome signIn(SignedToken jwt, SiteContentUrl site);

    void signOut(TableauRestSession session);
}
