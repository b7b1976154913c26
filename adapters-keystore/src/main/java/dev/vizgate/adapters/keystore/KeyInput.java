package dev.vizgate.adapters.keystore;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where key material comes from. {@link #name()} identifies it in errors (a path, or the variable or config key
 * that held it) and is all that is ever printed; {@code toString()} never shows the text.
 */
public sealed interface KeyInput {
    String name();

    /** A file: PEM, or DER. */
    record FromFile(Path path) implements KeyInput {
        public FromFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String name() {
            return path.toString();
        }
    }

    /** Text from an environment variable or inline config: PEM, or base64 of DER. */
    record FromText(String name, String text) implements KeyInput {
        public FromText {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "FromText[" + name + ", redacted]";
        }
    }
}
