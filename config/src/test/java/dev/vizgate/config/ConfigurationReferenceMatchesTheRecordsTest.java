package dev.vizgate.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md is held to the configuration's records ({@link ConfigShape}): every key the mapping binds is
 * documented in a table row (itself, or a list or section it belongs to), and every key a table documents exists. A
 * row's key is written whole ({@code server.port}), relative to its section's heading ({@code name} under
 * {@code callers.api-keys[]}), or as a sibling of the key before it ({@code / .app-role}, {@code / of-last}).
 */
class ConfigurationReferenceMatchesTheRecordsTest {
    static final Path DOC = Path.of("..", "docs", "configuration.md");
    static final Pattern HEADING = Pattern.compile("^#{2,3} `([a-z][a-z0-9.\\-\\[\\]]*)`.*");
    static final Pattern TICKED = Pattern.compile("`([^`]+)`");

    /** Every key a table row documents, as a full path ({@code <name>} for a map's key, {@code []} for a list's elements). */
    static Set<String> documented() throws IOException {
        var out = new LinkedHashSet<String>();
        String section = null;
        for (var line : Files.readAllLines(DOC)) {
            var heading = HEADING.matcher(line);
            if (heading.matches()) {
                section = heading.group(1);
                out.add(section); // a section titled by its key documents that key (its table may hold no key column)
                continue;
            }
            if (line.startsWith("## ")) {
                section = null;
            }
            if (!line.startsWith("| `")) {
                continue;
            }
            var cell = line.split("\\|")[1];
            var ticked = TICKED.matcher(cell);
            String previous = null;
            while (ticked.find()) {
                var key = ticked.group(1).strip();
                if (!key.matches("\\.?[a-z][a-z0-9.<>\\-\\[\\]]*")) {
                    continue; // ${NAME}, file:PATH, a reference's mapping: a value's form, not a key
                }
                String full;
                if (key.startsWith(".") && previous != null) {
                    full = previous.substring(0, previous.lastIndexOf('.')) + key;
                } else if (!key.contains(".") && previous != null) {
                    full = previous.substring(0, previous.lastIndexOf('.') + 1) + key;
                } else if (section != null && !key.startsWith(section.split("\\.")[0] + ".") && section.contains(".")) {
                    full = section + "." + key;
                } else {
                    full = key;
                }
                out.add(full);
                previous = full;
            }
        }
        return out;
    }

    /** Every path the records have: sections, lists ({@code []}), maps ({@code <name>}) and leaves. */
    static List<String> everyPath() {
        var out = new ArrayList<String>();
        walk(ConfigShape.ROOT, "", out);
        return out;
    }

    private static void walk(ConfigShape shape, String path, List<String> out) {
        if (!path.isEmpty()) {
            out.add(path);
        }
        if (shape instanceof ConfigShape.Section section) {
            section.keys().forEach((key, child) -> walk(child, path.isEmpty() ? key : path + "." + key, out));
        } else if (shape instanceof ConfigShape.ListOf list) {
            walk(list.element(), path + "[]", out);
            out.remove(path + "[]");
            out.add(path + "[]");
        } else if (shape instanceof ConfigShape.MapOf map) {
            walk(map.value(), path + ".<name>", out);
        }
    }

    static List<String> leaves() {
        var out = new ArrayList<String>();
        collectLeaves(ConfigShape.ROOT, "", out);
        return out;
    }

    private static void collectLeaves(ConfigShape shape, String path, List<String> out) {
        if (shape instanceof ConfigShape.Section section) {
            section.keys().forEach((key, child) -> collectLeaves(child, path.isEmpty() ? key : path + "." + key, out));
        } else if (shape instanceof ConfigShape.ListOf list && list.element() instanceof ConfigShape.Section) {
            collectLeaves(list.element(), path + "[]", out);
        } else if (shape instanceof ConfigShape.MapOf map) {
            collectLeaves(map.value(), path + ".<name>", out);
        } else {
            out.add(path);
        }
    }

    @Test
    void everyDocumentedKey_isAKeyOfTheRecords() throws IOException {
        var paths = everyPath();
        assertThat(documented()).isNotEmpty().allSatisfy(key -> assertThat(paths).as("docs/configuration.md documents " + key).contains(key));
    }

    @Test
    void everyKeyOfTheRecords_isDocumented_itselfOrThroughTheListOrSectionItBelongsTo() throws IOException {
        var documented = documented();
        var missing = leaves().stream().filter(leaf -> documented.stream().noneMatch(d -> leaf.equals(d) || d.equals(leaf + "[]")
                || leaf.startsWith(d + ".") || leaf.startsWith(d + "[]"))).toList();
        assertThat(missing).as("keys the configuration binds that docs/configuration.md does not document").isEmpty();
    }
}
