package dev.vizgate.domain.model;

/** What the replay ledger says of a {@code jti}. {@link Unavailable} is expected (a store can be down) and fails closed. */
public sealed interface Sighting {
    Sighting FIRST = new First();
    Sighting REPLAYED = new Replayed();

    /** Never seen before; now recorded. */
    record First() implements Sighting {
    }

    /** Seen before and not yet expired. */
    record Replayed() implements Sighting {
    }

    /** The ledger could not answer; nothing may be accepted on its word. */
    record Unavailable(String reason) implements Sighting {
        public Unavailable {
            Text.printable(reason, "reason", 512);
        }
    }
}
