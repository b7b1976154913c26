package dev.vizgate.adapters.metrics;

/** The names of the meters the ports' decorators register, known once. Tags are kinds and outcomes: never users, tokens or keys. */
public final class MeterNames {
    /** Session cache lookups: {@code result} hit, miss or evicted. */
    public static final String SESSION_CACHE = "vizgate.session.cache";
    /** Calls to Salesforce: {@code upstream} (salesforce-token, salesforce-singleaccess, salesforce-revoke) and {@code outcome}. */
    public static final String UPSTREAM_CALLS = "vizgate.upstream.calls";
    /** How many entries a bounded in-memory store holds, by {@code store}. */
    public static final String STORE_SIZE = "vizgate.store.size";
    /** The bound of a bounded in-memory store, by {@code store}. */
    public static final String STORE_BOUND = "vizgate.store.bound";

    private MeterNames() {
    }
}
