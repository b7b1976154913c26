package dev.vizgate.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The shape of the configuration, read from its records ({@link VizgateConfig}) so it cannot drift from what the
 * mapping binds: sections with their kebab-case keys, lists, maps with keys of the user's choosing, plain values, and
 * the two values that may also be a mapping (a secret or a key with a store reference). Other ways of writing the
 * configuration (Spring's properties, environment variables) use it to find each key's YAML name.
 */
public sealed interface ConfigShape {
    /** A section: its keys as the YAML writes them, in declaration order. */
    record Section(Map<String, ConfigShape> keys) implements ConfigShape {
        public Section {
            keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }
    }

    record ListOf(ConfigShape element) implements ConfigShape {
    }

    /** A mapping whose keys the user names (e.g. secret-stores' store names). */
    record MapOf(ConfigShape value) implements ConfigShape {
    }

    /** Text, a number or a switch. */
    record Value() implements ConfigShape {
    }

    /**
     * Text, or a mapping of these keys plus one key the user names (a secret store's name): a secret
     * ({@link SecretText}: the store's name and {@code field}) or a key ({@link KeyRef#MAPPING_KEYS}).
     */
    record ValueOrMapping(Set<String> keys) implements ConfigShape {
        public ValueOrMapping {
            keys = Set.copyOf(keys);
        }
    }

    /** The whole configuration's shape. */
    ConfigShape ROOT = of(VizgateConfig.class);

    static ConfigShape of(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return new ListOf(of(p.getActualTypeArguments()[0]));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            return new MapOf(of(p.getActualTypeArguments()[1]));
        }
        if (type == SecretText.class) {
            return new ValueOrMapping(Set.of("field"));
        }
        if (type == KeyRef.class) {
            return new ValueOrMapping(KeyRef.MAPPING_KEYS);
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            var keys = new LinkedHashMap<String, ConfigShape>();
            for (var component : c.getRecordComponents()) {
                keys.put(kebab(component.getName()), of(component.getGenericType()));
            }
            return new Section(keys);
        }
        return new Value();
    }

    /** A record component's YAML key, as the mapping's Jackson naming strategy (KEBAB_CASE) writes it. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
