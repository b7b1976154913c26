package dev.vizgate.spring.autoconfigure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

import java.util.HashSet;

/**
 * Spring's {@code vizgate.*} properties as the same tree the gateway's YAML file makes, so that one mapping (the
 * config module's) reads both: {@code vizgate.tableau.connected-app.secrets[0].value.vault} in properties is
 * {@code tableau: { connected-app: { secrets: [ { value: { vault: … } } ] } }} in YAML. Values are taken raw, so
 * {@code ${NAME}} and secret references mean what they mean in the YAML. Earlier property sources win, as in Spring.
 */
final class SpringProperties {
    static final String PREFIX = "vizgate";
    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of(PREFIX);

    private SpringProperties() {
    }

    static ObjectNode tree(Environment environment) {
        var root = JsonNodeFactory.instance.objectNode();
        var seen = new HashSet<ConfigurationPropertyName>();
        for (var source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            iterable.stream().filter(ROOT::isAncestorOf).filter(seen::add).forEach(name -> {
                var property = source.getConfigurationProperty(name);
                if (property != null && property.getValue() != null) {
                    put(root, name, String.valueOf(property.getValue()));
                }
            });
        }
        return root;
    }

    /** Puts one leaf at its path below {@code vizgate}: named elements are object keys, indexed ones array positions. */
    private static void put(ObjectNode root, ConfigurationPropertyName name, String value) {
        com.fasterxml.jackson.databind.JsonNode node = root;
        for (int i = 1; i < name.getNumberOfElements(); i++) {
            var last = i == name.getNumberOfElements() - 1;
            var element = name.getElement(i, ConfigurationPropertyName.Form.DASHED);
            var nextIndexed = !last && name.isNumericIndex(i + 1);
            if (node instanceof ObjectNode object) {
                if (last) {
                    object.put(element, value);
                    return;
                }
                var child = object.get(element);
                if (child == null || !child.isContainerNode()) {
                    child = nextIndexed ? object.putArray(element) : object.putObject(element);
                }
                node = child;
            } else if (node instanceof ArrayNode array) {
                var index = Integer.parseInt(element);
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
            }
        }
    }
}
