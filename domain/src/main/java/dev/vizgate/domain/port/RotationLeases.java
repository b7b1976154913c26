package dev.vizgate.domain.port;

import dev.vizgate.domain.model.Lease;
import dev.vizgate.domain.model.StoreUnavailableException;

import java.time.Duration;
import java.util.Optional;

/**
 * Leases that let exactly one node at a time rotate a given Connected App's secret: in memory for one node, in the
 * shared store for many. Time is the adapter's clock, the same one the rotation reads.
 */
public interface RotationLeases {
    /**
     * Grants {@code name} to {@code holder} for {@code ttl} when nobody holds it (or the last grant lapsed), with a fence
     * greater than every earlier grant's; empty while another holder's grant is live.
     *
     * @throws StoreUnavailableException when the store cannot answer
     */
    Optional<Lease> acquire(String name, String holder, Duration ttl);

    /**
     * Extends a live lease by {@code ttl} from now; empty when it lapsed or was granted to someone else since, in which
     * case the holder must stop before its next step.
     *
     * @throws StoreUnavailableException when the store cannot answer
     */
    Optional<Lease> renew(Lease lease, Duration ttl);

    /** Gives the lease back early; does nothing when it lapsed or is someone else's now. */
    void release(Lease lease);
}
