package dev.vizgate.spring.sample;

import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.NextSessionOutcome;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The sample app's own endpoints: a Tableau token and a Tableau Next frontdoor URL for its signed-in user. The
 * {@code X-Signed-In-User} header stands in for the app's session (Spring Security's principal in a real app): the
 * user comes from the app's sign-in, never from the browser's choice.
 */
@RestController
class EmbedController {
    private final IssueTableauToken tableauTokens;
    private final OpenTableauNextSession tableauNext;

    EmbedController(IssueTableauToken tableauTokens, OpenTableauNextSession tableauNext) {
        this.tableauTokens = tableauTokens;
        this.tableauNext = tableauNext;
    }

    @GetMapping("/embed/tableau-token")
    ResponseEntity<Map<String, String>> tableauToken(@RequestHeader("X-Signed-In-User") String user) {
        var outcome = tableauTokens.issue(TableauTokenRequest.forUser(new Subject(user)));
        if (outcome instanceof TokenIssueOutcome.Issued issued) {
            return ResponseEntity.ok(Map.of("token", issued.token().value()));
        }
        return ResponseEntity.unprocessableEntity().body(Map.of("problem", outcome.toString()));
    }

    @GetMapping("/embed/frontdoor")
    ResponseEntity<Map<String, String>> frontdoor(@RequestHeader("X-Signed-In-User") String user) {
        var outcome = tableauNext.open(new Subject(user));
        if (outcome instanceof NextSessionOutcome.Opened opened) {
            return ResponseEntity.ok(Map.of("frontdoorUrl", opened.frontdoorUrl().value().toString()));
        }
        return ResponseEntity.status(502).body(Map.of("problem", outcome.toString()));
    }
}
