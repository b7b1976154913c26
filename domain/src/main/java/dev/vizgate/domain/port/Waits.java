package dev.vizgate.domain.port;

import java.time.Instant;

/** Waiting until a moment: a real sleep in a process, a moved clock in a test. */
public interface Waits {
    void until(Instant moment);
}
