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

    /** When a followed secret was last read from its store, by {@code secret} (the setting that names it). */
    public static final String SECRET_LAST_REFRESH = "vizgate.secret.last.refresh";
    /** Failed reads of a followed secret, by {@code secret}. */
    public static final String SECRET_REFRESH_FAILURES = "vizgate.secret.refresh.failures";
    /** 1 while a followed secret's store does not answer and its last good value is serving, by {@code secret}. */
    public static final String SECRET_STALE = "vizgate.secret.stale";
    /** How long the version in use has been in use, by {@code secret}. */
    public static final String SECRET_VERSION_AGE = "vizgate.secret.version.age";
    /** 1 for the version in use, 0 for one replaced since: {@code vizgate_secret_version{secret,version}}. */
    public static final String SECRET_VERSION = "vizgate.secret.version";

    private MeterNames() {
    }
}
