/** Micrometer decorators for the domain's ports: counts by kind and outcome, never by user, token or key. */
package dev.vizgate.adapters.metrics;
