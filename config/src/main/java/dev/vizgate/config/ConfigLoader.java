package dev.vizgate.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the YAML configuration. {@code ${NAME}} is replaced by the environment variable's value in the parsed
 * tree (so a multi-line PEM survives); {@code file:PATH} values are read later, relative to the config file,
 * by {@link ConfigFiles}. Every mistake is a {@link ConfigError} naming the key path and the fix.
 */
public final class ConfigLoader {
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    /** Held apart, so that {@link #prepareAhead()} builds them on its own thread rather than on the caller's. */
    private static final class Mappers {
        static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
        static final ObjectMapper BINDER = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .addModule(new SimpleModule().addDeserializer(KeyRef.class, new KeyRef.Deserializer())
                        .addDeserializer(SecretText.class, new SecretText.Deserializer()))
                .build();

        private Mappers() {
        }
    }

    private final Function<String, String> env;

    public ConfigLoader(Function<String, String> env) {
        this.env = env;
    }

    /**
     * Sets the YAML reader and the binder up on a thread of its own: their Jackson classes, and the deserializers of
     * every section the configuration may hold, which Jackson builds by reflection at the first bind (about a third of
     * a short command's run). A process that will load a file soon (the CLI, while it parses its arguments) calls this
     * first; a load that comes before it is done waits for it, and one that comes after finds everything built.
     */
    public static void prepareAhead() {
        var thread = new Thread(ConfigLoader::prepare, "vizgate-config-prepare");
        thread.setDaemon(true);
        thread.start();
    }

    private static void prepare() {
        try {
            Mappers.YAML.readTree("prepared: true");
            // The root reader fetches the root deserializer eagerly, and with it those of every section, into the binder's cache.
            Mappers.BINDER.readerFor(VizgateConfig.class);
        } catch (JsonProcessingException | RuntimeException e) {
            // Only a head start is lost: the load that follows does the same work and says in words what went wrong.
        }
    }

    public static ConfigLoader fromEnvironment() {
        return new ConfigLoader(System::getenv);
    }

    public record Loaded(VizgateConfig config, ConfigFiles files) {
    }

    public Loaded load(Path file) {
        return load(file, Set.of());
    }

    /**
     * Loads the file, reading the environment only for the named top-level sections (all when none are named): a
     * command that needs one section does not fail on another section's unset variable, such as {@code frontdoor} on
     * the Tableau secret. Every section is still checked for unknown keys.
     */
    public Loaded load(Path file, Set<String> sections) {
        return load(read(file), file.toAbsolutePath().getParent(), sections);
    }

    /** The file as a tree of sections, not yet bound: its absence, an unreadable file and bad YAML are ConfigErrors. */
    public ObjectNode read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigError("", "the configuration file " + file + " does not exist", "pass --config with the path of your YAML file");
        } catch (IOException e) {
            throw new ConfigError("", "the configuration file " + file + " cannot be read", "check its permissions");
        }
        JsonNode tree;
        try {
            tree = Mappers.YAML.readTree(text);
        } catch (JsonProcessingException e) {
            var where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigError("", "the file is not valid YAML" + where, "fix the YAML syntax (indentation, quotes, colons)");
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ConfigError("", "the configuration file is empty", "start from the example in the README");
        }
        if (!tree.isObject()) {
            throw new ConfigError("", "the configuration must be a YAML mapping of sections", "start from the example in the README");
        }
        return (ObjectNode) tree;
    }

    /**
     * A configuration already parsed into a tree (e.g. from Spring's properties under {@code vizgate.}), with the same
     * rules as a file: {@code ${NAME}} from this loader's environment, {@code file:} paths relative to {@code baseDir},
     * unknown keys refused with their path.
     */
    public Loaded load(ObjectNode tree, Path baseDir) {
        return load(tree, baseDir, Set.of());
    }

    private Loaded load(ObjectNode tree, Path baseDir, Set<String> sections) {
        var fromEnvironment = new HashSet<String>();
        var object = tree;
        var names = new ArrayList<String>();
        object.fieldNames().forEachRemaining(names::add);
        for (var name : names) {
            if (sections.isEmpty() || sections.contains(name)) {
                var section = new ObjectNode(JsonNodeFactory.instance);
                section.set(name, object.get(name));
                rewriteText(section, "", (path, text) -> expand(text, path, fromEnvironment));
                object.set(name, section.get(name));
            }
        }
        var files = new ConfigFiles(baseDir, fromEnvironment, env);
        TenantDirectory.underListedTenants(tree);
        return files.wire(() -> bind(tree, files));
    }

    private static Loaded bind(JsonNode tree, ConfigFiles files) {
        try {
            return new Loaded(Mappers.BINDER.treeToValue(tree, VizgateConfig.class), files);
        } catch (UnrecognizedPropertyException e) {
            var known = new TreeSet<String>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            throw new ConfigError(path(e), "unknown key '" + e.getPropertyName() + "'", KeySuggestion.closest(e.getPropertyName(), known)
                    .map(k -> "did you mean " + k + "? ").orElse("") + "use one of " + known + " (keys are kebab-case)");
        } catch (JsonMappingException e) {
            throw new ConfigError(path(e), cleanMessage(e), "check the value's type against the example in the README");
        } catch (JsonProcessingException e) {
            throw new ConfigError("", "the configuration could not be read", "check it against the example in the README");
        }
    }

    /**
     * Rewrites every text value in {@code node} in place, depth first: {@code rewrite} gets the value's key path
     * ({@code tableau.connected-app.secrets[0].value}, below {@code path}) and its text, and answers the new text.
     */
    static void rewriteText(JsonNode node, String path, BiFunction<String, String, String> rewrite) {
        if (node instanceof ObjectNode object) {
            var fields = new ArrayList<Map.Entry<String, JsonNode>>();
            object.fields().forEachRemaining(fields::add);
            for (var f : fields) {
                var childPath = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                if (f.getValue().isTextual()) {
                    object.set(f.getKey(), new TextNode(rewrite.apply(childPath, f.getValue().asText())));
                } else {
                    rewriteText(f.getValue(), childPath, rewrite);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                var childPath = path + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    array.set(i, new TextNode(rewrite.apply(childPath, array.get(i).asText())));
                } else {
                    rewriteText(array.get(i), childPath, rewrite);
                }
            }
        }
    }

    /** The ellipsis the README's samples use for "your value here"; a config still holding one was copied, not filled in. */
    static final String PLACEHOLDER = "\u2026";

    private String expand(String value, String path, Set<String> fromEnvironment) {
        if (value.contains(PLACEHOLDER)) {
            throw new ConfigError(path, "still holds the placeholder '" + PLACEHOLDER + "' from the README's sample",
                    "replace it with your real value (the Connected App's client id, secret id, or key)");
        }
        Matcher m = ENV.matcher(value);
        var out = new StringBuilder();
        while (m.find()) {
            var name = m.group(1);
            var v = env.apply(name);
            if (v == null) {
                throw new ConfigError(path, "environment variable " + name + " is not set",
                        "export " + name + " before starting vizgate, or use file:PATH to read the value from a file");
            }
            fromEnvironment.add(v);
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String path(JsonMappingException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String cleanMessage(JsonMappingException e) {
        var msg = e.getOriginalMessage() == null ? "has the wrong type" : e.getOriginalMessage();
        if (msg.startsWith("Cannot deserialize value of type")) {
            var type = msg.replaceAll("Cannot deserialize value of type `([^`]+)`.*", "$1");
            var simple = type.contains("List") ? "a list" : type.contains("String") ? "a text value" : type.contains("Integer") ? "a number"
                    : type.contains("Boolean") ? "true or false" : "a mapping";
            return "expected " + simple;
        }
        var firstLine = msg.lines().findFirst().orElse(msg);
        return firstLine.length() > 200 ? firstLine.substring(0, 200) : firstLine;
    }

}
