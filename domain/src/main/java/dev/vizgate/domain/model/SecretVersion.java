package dev.vizgate.domain.model;

/** A store's name for one version of a secret: Vault's version number, Secrets Manager's VersionId, a file's digest. */
public record SecretVersion(String value) {
    public SecretVersion {
        Text.printable(value, "secret version", 256);
    }

    @Override
    public String toString() {
        return value;
    }
}
