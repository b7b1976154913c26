package dev.vizgate.spring.autoconfigure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vizgate.config.ConfigShape;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spring's {@code vizgate.*} properties as the same tree the gateway's YAML file makes, so that one mapping (the
 * config module's) reads both. Every form Spring's relaxed binding accepts reaches it: properties and YAML in kebab- or
 * camelCase, system properties, {@code SPRING_APPLICATION_JSON}, and environment variables
 * ({@code VIZGATE_TABLEAU_CONNECTEDAPP_SECRETS_0_VALUE}), whose names have lost their dashes: each element is matched
 * to the configuration's own key ({@link ConfigShape}) in Spring's uniform form, so {@code connectedapp},
 * {@code connectedApp} and {@code connected-app} are one key. Values are taken raw, so {@code ${NAME}} and secret
 * references mean what they mean in the YAML. Earlier property sources win, as in Spring.
 */
final class SpringProperties {
    static final String PREFIX = "vizgate";
    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of(PREFIX);

    /**
     * The tree, and for each YAML path (e.g. {@code tableau.connected-app.secrets[0].value}) the property as the user
     * wrote it ({@code VIZGATE_TABLEAU_CONNECTEDAPP_SECRETS_0_VALUE}), so a mistake is reported in their form.
     */
    record Tree(ObjectNode root, Map<String, String> writtenAs) {
        /** How the user wrote the setting at {@code path}, or below it; else the property's canonical name. */
        String shown(String path) {
            var exact = writtenAs.get(path);
            if (exact != null) {
                return exact;
            }
            return writtenAs.entrySet().stream().filter(e -> e.getKey().startsWith(path + ".") || e.getKey().startsWith(path + "["))
                    .map(Map.Entry::getValue).sorted().findFirst().orElse(path.isEmpty() ? PREFIX : PREFIX + "." + path);
        }
    }

    private SpringProperties() {
    }

    static Tree tree(Environment environment) {
        var root = JsonNodeFactory.instance.objectNode();
        var writtenAs = new HashMap<String, String>();
        var seen = new HashSet<String>();
        for (var source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            iterable.stream().filter(ROOT::isAncestorOf).forEach(name -> {
                var property = source.getConfigurationProperty(name);
                if (property == null || property.getValue() == null) {
                    return;
                }
                var path = yamlPath(name);
                var key = render(path);
                if (seen.add(key)) {
                    put(root, path, String.valueOf(property.getValue()));
                    writtenAs.put(key, written(name, property, source));
                }
            });
        }
        return new Tree(root, Map.copyOf(writtenAs));
    }

    /** The name's elements below {@code vizgate} as the YAML names them: keys (String) and list positions (Integer). */
    static List<Object> yamlPath(ConfigurationPropertyName name) {
        var path = new ArrayList<Object>();
        ConfigShape shape = ConfigShape.ROOT;
        for (int i = 1; i < name.getNumberOfElements(); i++) {
            if (name.isNumericIndex(i)) {
                path.add(Integer.parseInt(name.getElement(i, ConfigurationPropertyName.Form.ORIGINAL)));
                shape = shape instanceof ConfigShape.ListOf list ? list.element() : null;
                continue;
            }
            var written = name.getElement(i, ConfigurationPropertyName.Form.DASHED);
            String key;
            if (shape instanceof ConfigShape.Section section) {
                key = match(section.keys().keySet(), name, i).orElse(written);
                shape = section.keys().get(key);
            } else if (shape instanceof ConfigShape.ValueOrMapping mapping) {
                key = match(mapping.keys(), name, i).orElse(written); // else a store's name, the user's own
                shape = new ConfigShape.Value();
            } else if (shape instanceof ConfigShape.MapOf map) {
                key = written;
                shape = map.value();
            } else {
                key = written; // below an unknown key: kept as written, for the mapping to refuse by name
                shape = null;
            }
            path.add(key);
        }
        return path;
    }

    /** The configuration's key that element {@code i} is, compared in Spring's uniform form (no dashes, lower case). */
    private static Optional<String> match(Set<String> keys, ConfigurationPropertyName name, int i) {
        var uniform = name.getElement(i, ConfigurationPropertyName.Form.UNIFORM);
        return keys.stream().filter(k -> ConfigurationPropertyName.of(k).getElement(0, ConfigurationPropertyName.Form.UNIFORM).equals(uniform))
                .findFirst();
    }

    /** A path as the config module's errors write it: {@code tableau.connected-app.secrets[0].value}. */
    static String render(List<Object> path) {
        var out = new StringBuilder();
        for (var step : path) {
            if (step instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(step);
            }
        }
        return out.toString();
    }

    /** An environment variable by its own name (as its origin records it, or as its source holds it); anything else by the property's name. */
    private static String written(ConfigurationPropertyName name, ConfigurationProperty property,
                                  ConfigurationPropertySource source) {
        if (property.getOrigin() instanceof SystemEnvironmentOrigin env) {
            return env.getProperty();
        }
        if (source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource environment) {
            // The variable Spring's own mapping reads for this name: upper case, each element joined by _, positions as _0.
            var variable = name.toString().toUpperCase(Locale.ROOT).replace('.', '_').replace("[", "_").replace("]", "").replace("-", "");
            if (environment.getSource().containsKey(variable)) {
                return variable;
            }
        }
        return name.toString();
    }

    /** Puts one leaf at its path: keys are object members, positions array elements. */
    private static void put(ObjectNode root, List<Object> path, String value) {
        JsonNode node = root;
        for (int i = 0; i < path.size(); i++) {
            var last = i == path.size() - 1;
            var step = path.get(i);
            var nextIndexed = !last && path.get(i + 1) instanceof Integer;
            if (node instanceof ObjectNode object && step instanceof String key) {
                if (last) {
                    object.put(key, value);
                    return;
                }
                var child = object.get(key);
                if (child == null || !child.isContainerNode()) {
                    child = nextIndexed ? object.putArray(key) : object.putObject(key);
                }
                node = child;
            } else if (node instanceof ArrayNode array && step instanceof Integer index) {
                while (array.size() <= index) {
                    array.addNull();
                }
                if (last) {
                    array.set(index, JsonNodeFactory.instance.textNode(value));
                    return;
                }
                var child = array.get(index);
                if (child == null || !child.isContainerNode()) {
                    child = nextIndexed ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
                    array.set(index, child);
                }
                node = child;
            } else {
                return; // a key where a list is (or the reverse): the mapping refuses the other form at this path
            }
        }
    }
}
