package dev.vizgate.sdk.spi;

import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.port.RequestBudgets;
import dev.vizgate.domain.usecase.AcceptPlatformAssertion;
import dev.vizgate.domain.usecase.ExchangeForTableauToken;
import dev.vizgate.domain.usecase.IssueSignInTickets;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import dev.vizgate.domain.usecase.PublishJwks;
import dev.vizgate.domain.usecase.RotateConnectedAppSecret;
import dev.vizgate.domain.usecase.RotateOnSchedule;
import dev.vizgate.domain.usecase.WebServerFlow;
import dev.vizgate.sdk.SharedParts;
import dev.vizgate.sdk.TableauAdmin;

import java.security.PublicKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What an {@link Assembly} built: the use cases the settings asked for (each empty when not asked for), the readiness
 * checks in the order a probe lists them, the followed secrets, and what it opened, which the sdk closes in reverse.
 */
public record Assembled(Optional<IssueTableauToken> tableauTokens, Optional<ExchangeForTableauToken> idpTableauTokens,
                        Optional<Supplier<ConnectedAppTrust>> tableauTrust, Optional<PublishJwks> jwks,
                        Optional<OpenTableauNextSession> tableauNextSessions, Optional<WebServerFlow> webServerFlow,
                        Optional<IssueSignInTickets> signInTickets, Optional<PublicKey> salesforceAssertionKey,
                        Optional<AcceptPlatformAssertion> platformAssertions, Optional<RotateConnectedAppSecret> rotation,
                        Optional<TableauAdmin> tableauAdmin, Map<String, BooleanSupplier> readiness, FollowedSecrets secrets,
                        RequestBudgets requestBudgets, List<AutoCloseable> owned, Optional<RotateOnSchedule> scheduledRotation, SharedParts shared) {
    public Assembled {
        Objects.requireNonNull(tableauTokens, "tableauTokens");
        Objects.requireNonNull(idpTableauTokens, "idpTableauTokens");
        Objects.requireNonNull(tableauTrust, "tableauTrust");
        Objects.requireNonNull(jwks, "jwks");
        Objects.requireNonNull(tableauNextSessions, "tableauNextSessions");
        Objects.requireNonNull(webServerFlow, "webServerFlow");
        Objects.requireNonNull(signInTickets, "signInTickets");
        Objects.requireNonNull(salesforceAssertionKey, "salesforceAssertionKey");
        Objects.requireNonNull(platformAssertions, "platformAssertions");
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(tableauAdmin, "tableauAdmin");
        readiness = Collections.unmodifiableMap(new LinkedHashMap<>(readiness));
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(requestBudgets, "requestBudgets");
        owned = List.copyOf(owned);
        Objects.requireNonNull(scheduledRotation, "scheduledRotation");
        Objects.requireNonNull(shared, "shared");
    }
}
