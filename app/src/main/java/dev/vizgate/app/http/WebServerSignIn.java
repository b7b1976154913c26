package dev.vizgate.app.http;

import dev.vizgate.domain.usecase.IssueSignInTickets;
import dev.vizgate.domain.usecase.WebServerFlow;

import java.util.Objects;

/** The web-server flow and its one-time tickets: what the authorize and callback routes serve. */
public record WebServerSignIn(WebServerFlow flow, IssueSignInTickets tickets) {
    public WebServerSignIn {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(tickets, "tickets");
    }
}
