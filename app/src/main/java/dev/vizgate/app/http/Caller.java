package dev.vizgate.app.http;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.Subject;

/** Who proved what: a platform backend (which names the user) or a browser (whose assertion proves the user). */
public sealed interface Caller {
    /** The name rate limits and metrics use; never a secret. */
    String name();

    record Backend(String name) implements Caller {
    }

    record Browser(Issuer issuer, Subject subject) implements Caller {
        @Override
        public String name() {
            return issuer.value();
        }
    }
}
