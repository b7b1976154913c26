package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Text;

/** Whether a URL may receive an access token or be handed to a browser. */
public sealed interface HostDecision {
    HostDecision ALLOWED = new Allowed();

    record Allowed() implements HostDecision {
    }

    record Refused(String reason) implements HostDecision {
        public Refused {
            Text.printable(reason, "reason", 1024);
        }
    }
}
