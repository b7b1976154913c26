package dev.vizgate.domain.model;

import java.util.Objects;
import java.util.Optional;

/** The answer of Tableau's {@code POST /api/{v}/auth/signin} with a JWT. */
public sealed interface SignInOutcome {
    record SignedIn(TableauRestSession session) implements SignInOutcome {
        public SignedIn {
            Objects.requireNonNull(session, "session");
        }
    }

    /** Tableau refused the JWT; {@code code} is its documented code when it is one we know. */
    record Refused(int httpStatus, Optional<TableauErrorCode> code, String detail) implements SignInOutcome {
        public Refused {
            Objects.requireNonNull(code, "code");
            Text.printable(detail, "detail", 2048);
        }
    }

    /** Tableau could not be reached or answered something undocumented. */
    record Failed(String detail) implements SignInOutcome {
        public Failed {
            Text.printable(detail, "detail", 2048);
        }
    }
}
