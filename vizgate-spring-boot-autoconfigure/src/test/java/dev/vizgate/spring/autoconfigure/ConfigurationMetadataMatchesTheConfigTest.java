package dev.vizgate.spring.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vizgate.config.ConfigShape;
import dev.vizgate.config.VizgateConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IDEs complete every {@code vizgate.*} key: the metadata Spring's processor merges into the jar is generated from the
 * configuration's records (the very types the YAML and the properties bind to), so it cannot drift from them. Run with
 * {@code -Dvizgate.metadata.write=true} to regenerate the file after changing {@code VizgateConfig}.
 */
class ConfigurationMetadataMatchesTheConfigTest {
    private static final Path FILE = Path.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A record component's YAML key, as the mapping names it. */
    static String kebab(String camel) {
        return ConfigShape.kebab(camel);
    }

    static List<Map<String, Object>> generate() {
        var out = new ArrayList<Map<String, Object>>();
        walk(VizgateConfig.class, "vizgate", out);
        return out;
    }

    private static void walk(Class<?> record, String prefix, List<Map<String, Object>> out) {
        for (RecordComponent c : record.getRecordComponents()) {
            var name = prefix + "." + kebab(c.getName());
            var type = c.getType();
            if (type.isRecord()) {
                walk(type, name, out);
                continue;
            }
            out.add(property(name, typeName(c.getGenericType()), describe(c, record)));
        }
    }

    private static String typeName(Type t) {
        if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
            var item = p.getActualTypeArguments()[0];
            return item == String.class ? "java.util.List<java.lang.String>" : "java.util.List<java.util.Map<java.lang.String,java.lang.Object>>";
        }
        if (t == Integer.class || t == int.class) {
            return "java.lang.Integer";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "java.lang.Boolean";
        }
        return "java.lang.String";
    }

    private static String describe(RecordComponent c, Class<?> owner) {
        var type = c.getType().getSimpleName();
        var base = "See the configuration reference (docs/configuration.md), section " + kebab(owner.getSimpleName()) + ".";
        if (type.equals("SecretText")) {
            return "A value, ${ENV_NAME}, file:PATH, or a secret-store reference ({vault|aws|env|file: ..., field: ...}). " + base;
        }
        if (type.equals("KeyRef")) {
            return "A key: file:PATH, PEM text, a keystore or a PKCS#11 reference. " + base;
        }
        return base;
    }

    private static Map<String, Object> property(String name, String type, String description) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", name);
        m.put("type", type);
        m.put("description", description);
        m.put("sourceType", VizgateProperties.class.getName());
        return m;
    }

    @Test
    void theMetadataFile_describesEveryKeyOfTheConfiguration() throws Exception {
        var expected = JSON.writeValueAsString(Map.of("properties", generate())) + "\n";
        if (Boolean.getBoolean("vizgate.metadata.write")) {
            Files.writeString(FILE, expected);
        }
        assertThat(Files.readString(FILE)).as("regenerate with -Dvizgate.metadata.write=true").isEqualTo(expected);
        assertThat(generate()).extracting(p -> p.get("name")).contains("vizgate.tableau.server-url", "vizgate.tableau.connected-app.trust",
                "vizgate.tableau.connected-app.token-exchange.client-secret", "vizgate.callers.identity-providers", "vizgate.salesforce.token-url");
    }

    @Test
    void theBuiltJar_carriesTheMergedMetadata() throws Exception {
        var merged = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
        assertThat(merged).exists();
        var names = JSON.readTree(merged.toFile()).path("properties").findValuesAsText("name");
        assertThat(names).contains("vizgate.tableau.server-url", "vizgate.store.url");
    }
}
