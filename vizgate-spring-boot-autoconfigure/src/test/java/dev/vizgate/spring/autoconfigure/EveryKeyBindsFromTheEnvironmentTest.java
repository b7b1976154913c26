package dev.vizgate.spring.autoconfigure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.config.ConfigShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key of the configuration (walked from its shape: every section, the first element of every list, a store named
 * in every user-named map and every secret or key mapping) binds from an environment variable as Spring names it
 * ({@code VIZGATE_TABLEAU_CONNECTEDAPP_SECRETS_0_VALUE}: upper case, dots and dashes gone, list positions as {@code _0_})
 * and from a camelCase property, and lands at its YAML path in the tree the config mapping reads. The generated
 * metadata's keys are all among them.
 */
class EveryKeyBindsFromTheEnvironmentTest {
    /** Each leaf's YAML path as the config module writes paths: {@code tableau.connected-app.secrets[0].value}. */
    static List<String> everyKey() {
        var out = new ArrayList<String>();
        walk(ConfigShape.ROOT, "", out);
        return out;
    }

    private static void walk(ConfigShape shape, String path, List<String> out) {
        if (shape instanceof ConfigShape.Section section) {
            section.keys().forEach((key, child) -> walk(child, path.isEmpty() ? key : path + "." + key, out));
        } else if (shape instanceof ConfigShape.ListOf list) {
            walk(list.element(), path + "[0]", out);
        } else if (shape instanceof ConfigShape.MapOf map) {
            walk(map.value(), path + ".vault", out);
        } else if (shape instanceof ConfigShape.ValueOrMapping mapping) {
            out.add(path);
            mapping.keys().forEach(key -> out.add(path + "." + key));
            out.add(path + ".vault");
        } else {
            out.add(path);
        }
    }

    static String environmentVariable(String path) {
        return ("VIZGATE_" + path.replace("-", "").replace("[", "_").replace("]", "").replace(".", "_")).toUpperCase(Locale.ROOT);
    }

    static String camel(String path) {
        var out = new StringBuilder();
        var upper = false;
        for (var c : path.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    static JsonNode at(JsonNode root, String path) {
        var node = root;
        for (var step : path.replace("[", ".[").split("\\.")) {
            node = step.startsWith("[") ? node.path(Integer.parseInt(step.substring(1, step.length() - 1))) : node.path(step);
        }
        return node;
    }

    @ParameterizedTest
    @MethodSource("everyKey")
    void aKey_bindsFromItsEnvironmentVariable_toItsYamlPath(String path) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        var variable = environmentVariable(path);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "from-the-environment")));
        var tree = SpringProperties.tree(environment);
        assertThat(at(tree.root(), path).asText()).as(variable + " reaches " + path + " in " + tree.root()).isEqualTo("from-the-environment");
        assertThat(tree.shown(path)).as("a mistake there is reported as the user wrote it").isEqualTo(variable);
    }

    @ParameterizedTest
    @MethodSource("everyKey")
    void aKey_bindsFromItsCamelCaseProperty_toItsYamlPath(String path) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("camel", Map.of("vizgate." + camel(path), "camel")));
        assertThat(at(SpringProperties.tree(environment).root(), path).asText()).as("vizgate." + camel(path)).isEqualTo("camel");
    }

    @Test
    void theGeneratedMetadata_namesOnlyKeysThatAreWalkedHere() throws Exception {
        var walked = everyKey().stream().map(p -> "vizgate." + p).toList();
        var metadata = new ObjectMapper().readTree(Path.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json").toFile())
                .path("properties").findValuesAsText("name");
        assertThat(metadata).isNotEmpty().allSatisfy(name -> assertThat(walked).as(name).anySatisfy(w -> assertThat(w.equals(name)
                || w.startsWith(name + "[0]") || w.startsWith(name + ".")).isTrue()));
    }
}
