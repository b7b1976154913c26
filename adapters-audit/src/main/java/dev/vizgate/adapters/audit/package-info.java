/**
 * The audit trail's adapters: each decision as one JSON line, sealed into a chain by an HMAC keyed from the secret
 * store, written through Logback (a rotating file, or standard output) off the request's thread; and the verifier that
 * reads the files back and says which record was removed, changed or reordered.
 */
package dev.vizgate.adapters.audit;
