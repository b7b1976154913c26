/**
 * A miniature code base that breaks every architecture rule once, on purpose, so that
 * {@code SeededViolationsTest} can prove each rule reports what it should. Never imported by the real check.
 */
package dev.vizgate.archfixture;
