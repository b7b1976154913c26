/**
 * Key material behind {@code KeySource}: PEM, PKCS#12/JKS, environment, files, PKCS#11; key and certificate
 * generation. The only module that may use {@code java.security.KeyStore} and BouncyCastle.
 * Filled by the key-material issue.
 */
package dev.vizgate.adapters.keystore;
