package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.CallerAllowance;
import dev.vizgate.domain.policy.TableauTokenRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The one decision of who may choose what goes into a token, from what the caller proved. A platform backend (an API
 * key) names the user, and scopes and attributes within its own allowance. A browser gets exactly what was signed for
 * it (its platform's assertion, or its identity provider's token): naming a user, scopes or attributes is refused,
 * never quietly overruled, so a mistake in the page shows instead of being hidden.
 * <p>
 * Two steps, because a gateway needs the acting user before it reads the rest of a request (rate limits are per user):
 * {@link #actingUser} decides whose request it is, {@link #tokenRequest} what goes into that user's token.
 */
public final class WhoMayChoose {
    private WhoMayChoose() {
    }

    /** The choices a request can name, by their field names. */
    public enum Choice {
        USER("user"), SCOPES("scopes"), ATTRIBUTES("attributes");

        private final String field;

        Choice(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }

        private static final Choice[] ALL = values();
        /** Every subset of the choices, in their order, by the bits of their ordinals: a request's answer is one of them, made once. */
        private static final List<List<Choice>> SUBSETS = IntStream.range(0, 1 << ALL.length)
                .mapToObj(bits -> Arrays.stream(ALL).filter(c -> (bits & 1 << c.ordinal()) != 0).toList()).toList();

        /** The choices named, in this order, by a request that {@code names} the given fields; every request asks, so nothing is made anew. */
        public static List<Choice> namedBy(Predicate<String> names) {
            var bits = 0;
            for (var choice : ALL) {
                if (names.test(choice.field)) {
                    bits |= 1 << choice.ordinal();
                }
            }
            return SUBSETS.get(bits);
        }
    }

    /** What a caller proved, as far as choosing goes. */
    public sealed interface Chooser {
        /** A platform backend: it names the user, and stays within its own lists. */
        record Backend(CallerAllowance allowance) implements Chooser {
            public Backend {
                Objects.requireNonNull(allowance, "allowance");
            }
        }

        /** A browser whose user, scopes and attributes were signed by {@code signer}. */
        record SignedUser(Subject subject, Optional<Scopes> scopes, UserAttributes attributes, Signer signer) implements Chooser {
            public SignedUser {
                Objects.requireNonNull(subject, "subject");
                Objects.requireNonNull(scopes, "scopes");
                Objects.requireNonNull(attributes, "attributes");
                Objects.requireNonNull(signer, "signer");
            }
        }

        /** Who signed a browser's choices, so a refusal can say where they belong instead. */
        enum Signer { PLATFORM_ASSERTION, IDENTITY_PROVIDER }
    }

    /** A decision: the user or token request decided, or why not. */
    public sealed interface Decision {
        record Decided(TableauTokenRequest request) implements Decision {
            public Decided {
                Objects.requireNonNull(request, "request");
            }
        }

        /** A browser named choices its proof already makes. */
        record BrowserMayNotChoose(List<Choice> named, Chooser.Signer signer) implements Decision {
            public BrowserMayNotChoose {
                named = List.copyOf(named);
                Objects.requireNonNull(signer, "signer");
            }
        }

        /** A backend did not name the user it acts for. */
        record UserRequired() implements Decision {
        }

        /** A backend reached past its own lists: everything beyond them. */
        record BeyondAllowance(List<CallerAllowance.Refusal> refusals) implements Decision {
            public BeyondAllowance {
                refusals = List.copyOf(refusals);
            }
        }
    }

    /**
     * Whose request it is: a browser's signed subject when it names no choice, a backend's named user.
     *
     * @param named the choices the request names (field present), whatever their values
     * @param user  the user a backend named, when it named a valid one
     */
    public static Decision actingUser(Chooser chooser, List<Choice> named, Optional<Subject> user) {
        Objects.requireNonNull(chooser, "chooser");
        Objects.requireNonNull(named, "named");
        Objects.requireNonNull(user, "user");
        if (chooser instanceof Chooser.SignedUser browser) {
            return named.isEmpty() ? new Decision.Decided(TableauTokenRequest.forUser(browser.subject()))
                    : new Decision.BrowserMayNotChoose(named, browser.signer());
        }
        return user.<Decision>map(u -> new Decision.Decided(TableauTokenRequest.forUser(u))).orElseGet(Decision.UserRequired::new);
    }

    /**
     * What goes into the acting user's token: for a browser exactly what was signed; for a backend what it asked for,
     * when it stays within its allowance.
     */
    public static Decision tokenRequest(Chooser chooser, Subject user, Optional<Scopes> scopes, Optional<UserAttributes> attributes) {
        Objects.requireNonNull(chooser, "chooser");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(attributes, "attributes");
        var request = TableauTokenRequest.forUser(user);
        if (chooser instanceof Chooser.SignedUser browser) {
            var named = new ArrayList<Choice>();
            scopes.ifPresent(s -> named.add(Choice.SCOPES));
            attributes.ifPresent(a -> named.add(Choice.ATTRIBUTES));
            if (!named.isEmpty()) {
                return new Decision.BrowserMayNotChoose(named, browser.signer());
            }
            request = request.withAttributes(browser.attributes());
            return new Decision.Decided(browser.scopes().map(request::withScopes).orElse(request));
        }
        if (scopes.isPresent()) {
            request = request.withScopes(scopes.get());
        }
        if (attributes.isPresent()) {
            request = request.withAttributes(attributes.get());
        }
        var beyond = ((Chooser.Backend) chooser).allowance().review(request);
        return beyond.isEmpty() ? new Decision.Decided(request) : new Decision.BeyondAllowance(beyond);
    }
}
