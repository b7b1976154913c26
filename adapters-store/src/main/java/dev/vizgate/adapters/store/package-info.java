/**
 * Shared state behind {@code ReplayLedger} and {@code SessionCache}: Caffeine in memory for one node, Redis
 * for many. Filled by the scale-out issue.
 */
package dev.vizgate.adapters.store;
