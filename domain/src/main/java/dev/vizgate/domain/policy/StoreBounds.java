package dev.vizgate.domain.policy;

/**
 * How many entries an in-memory store keeps before it evicts the oldest, unless a deployment says otherwise. Bounded
 * so a flood of one-time tokens cannot exhaust the heap; generous so eviction never meets a real workload.
 */
public final class StoreBounds {
    /** Tableau Next sessions cached per node. */
    public static final long SESSIONS = 100_000;
    /** Spent jtis remembered per node; a jti is kept only until its token expires. */
    public static final long JTIS = 1_000_000;
    /** Web-server-flow authorizations in flight. */
    public static final long PENDING_AUTHORIZATIONS = 100_000;
    /** One-time sign-in tickets not yet redeemed. */
    public static final long SIGN_IN_TICKETS = 100_000;

    private StoreBounds() {
    }
}
