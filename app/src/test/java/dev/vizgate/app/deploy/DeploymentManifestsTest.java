package dev.vizgate.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.config.ConfigSettings;
import dev.vizgate.sdk.StoreSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/kubernetes and deploy/compose.yaml, checked without a cluster: yamllint in strict mode, then every manifest
 * parsed and held against the gateway's real configuration and routes. No schema validator (kubeconform) can be
 * installed here; these checks are what stands in for one, and `kubectl apply --dry-run=server` on a real cluster is
 * the step left to you.
 */
class DeploymentManifestsTest {
    static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\{\\s*env:\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    static List<JsonNode> manifests() throws IOException {
        var out = new ArrayList<JsonNode>();
        try (var files = Files.list(DEPLOY.resolve("kubernetes"))) {
            for (var f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (var parser = YAML.getFactory().createParser(f.toFile())) {
                    var docs = YAML.readValues(parser, JsonNode.class);
                    while (docs.hasNext()) {
                        out.add(docs.next());
                    }
                }
            }
        }
        return out;
    }

    static JsonNode kind(String kind, String name) throws IOException {
        return manifests().stream().filter(m -> kind.equals(m.path("kind").asText()) && name.equals(m.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static Set<String> envReferences(String text) {
        var names = new TreeSet<String>();
        var m = ENV_REFERENCE.matcher(text);
        while (m.find()) {
            names.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return names;
    }

    static JsonNode gateway() throws IOException {
        return kind("Deployment", "vizgate").path("spec").path("template").path("spec").path("containers").get(0);
    }

    @Test
    void theRotationCronJob_runsSecretsRotate_oneAtATime_withTheGatewaysConfigAndSecrets() throws Exception {
        var job = kind("CronJob", "vizgate-rotate-secret").path("spec");
        assertThat(job.path("concurrencyPolicy").asText()).as("two runs at once would fight over Tableau's two secrets").isEqualTo("Forbid");
        var pod = job.path("jobTemplate").path("spec").path("template").path("spec");
        var container = pod.path("containers").get(0);
        assertThat(container.path("image").asText()).isEqualTo(gateway().path("image").asText());
        assertThat(YAML.convertValue(container.path("args"), List.class)).containsExactly("secrets", "rotate", "--config", "/config/vizgate.yaml");
        assertThat(container.path("envFrom").get(0).path("secretRef").path("name").asText())
                .isEqualTo(gateway().path("env").get(0).path("valueFrom").path("secretKeyRef").path("name").asText());
        assertThat(pod.path("volumes").get(0).path("configMap").path("name").asText()).isEqualTo("vizgate-config");
        assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
    }

    @Test
    void yamllintStrict_passesOnEveryDeploymentFile() throws Exception {
        var process = new ProcessBuilder("yamllint", "-s", "-c", DEPLOY.resolve(".yamllint").toString(), DEPLOY.toString()).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
    }

    @Test
    void theDeployment_runsTwoReplicas_probesTheGatewaysRoutes_andLimitsItsResources() throws Exception {
        var deployment = kind("Deployment", "vizgate");
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        var c = gateway();
        assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/readyz");
        assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/healthz");
        assertThat(c.path("readinessProbe").path("httpGet").path("port").asText()).as("probes reach the admin listener").isEqualTo("admin");
        String openApi;
        try (var in = getClass().getResourceAsStream("/openapi.yaml")) {
            openApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(openApi).contains("/readyz:", "/healthz:");
        assertThat(c.path("resources").path("limits").path("memory").asText()).isNotEmpty();
        assertThat(c.path("resources").path("limits").path("cpu").asText()).isNotEmpty();
        assertThat(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(deployment.path("spec").path("template").path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    }

    @Test
    void theContainerPort_isTheConfiguredServerPort_andTheServiceTargetsIt() throws Exception {
        var config = YAML.readTree(kind("ConfigMap", "vizgate-config").path("data").path("vizgate.yaml").asText());
        var port = gateway().path("ports").get(0);
        assertThat(port.path("containerPort").asInt()).isEqualTo(config.path("server").path("port").asInt());
        assertThat(kind("Service", "vizgate").path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo(port.path("name").asText());
        var redis = kind("Service", "vizgate-redis").path("spec").path("ports").get(0).path("port").asInt();
        assertThat(config.path("store").path("url").asText()).isEqualTo("redis://vizgate:${REDIS_PASSWORD}@vizgate-redis:" + redis);
        var admin = gateway().path("ports").get(1);
        assertThat(admin.path("name").asText()).isEqualTo("admin");
        assertThat(admin.path("containerPort").asInt()).isEqualTo(config.path("server").path("admin").path("port").asInt());
        assertThat(config.path("server").path("nodes").asInt()).isEqualTo(kind("Deployment", "vizgate").path("spec").path("replicas").asInt());
    }

    /** Redis refuses anonymous access and never evicts a spent jti: its ACL user's password is the gateway's, from the Secret. */
    @Test
    void redis_requiresItsAclUser_andNeverEvicts() throws Exception {
        var redis = kind("Deployment", "vizgate-redis").path("spec").path("template").path("spec").path("containers").get(0);
        var args = new ArrayList<String>();
        redis.path("args").forEach(a -> args.add(a.asText()));
        assertThat(String.join(" ", args)).contains("--maxmemory-policy noeviction", "--user default off",
                "--user vizgate on >$(REDIS_PASSWORD) ~vizgate:* +@all -@dangerous");
        assertThat(args).as("redis-server takes each word of an ACL rule as an argument of its own").noneMatch(a -> a.startsWith("--") && a.contains(" "))
                .noneMatch(a -> !a.startsWith("--") && a.contains(" ") && !a.isEmpty());
        var password = new ArrayList<String>();
        redis.path("env").forEach(e -> password.add(e.path("valueFrom").path("secretKeyRef").path("key").asText()));
        assertThat(password).containsExactly("REDIS_PASSWORD");
        assertThat(gateway().toString()).contains("REDIS_PASSWORD");
    }

    @Test
    void theConfigMapsConfiguration_loadsAndMapsLikeServe_withEverySecretFromTheSecret() throws Exception {
        var text = kind("ConfigMap", "vizgate-config").path("data").path("vizgate.yaml").asText();
        var secretKeys = new HashSet<String>();
        Files.readAllLines(DEPLOY.resolve("kubernetes/secret.example.yaml")).forEach(l -> {
            var m = Pattern.compile("^\\s{2}([A-Z0-9_]+):").matcher(l);
            if (m.find()) {
                secretKeys.add(m.group(1));
            }
        });
        var fromSecret = new HashSet<String>();
        gateway().path("env").forEach(e -> {
            var ref = e.path("valueFrom").path("secretKeyRef");
            assertThat(ref.path("name").asText()).isEqualTo("vizgate-secrets");
            assertThat(secretKeys).contains(ref.path("key").asText());
            fromSecret.add(e.path("name").asText());
        });
        assertThat(fromSecret).containsAll(envReferences(text));
        var env = new HashMap<String, String>();
        fromSecret.forEach(k -> env.put(k, "x"));
        env.put("PORTAL_API_KEY_SHA256", "a".repeat(64));
        env.put("STORE_SECRET", Base64.getEncoder().encodeToString(new byte[32]));
        env.put("TABLEAU_SECRET", "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2");
        var file = Files.writeString(Files.createTempFile("vizgate-k8s", ".yaml"), text);
        try {
            var loaded = new ConfigLoader(env::get).load(file);
            assertThat(ConfigSettings.tableau(loaded.config(), loaded.files()).site().value()).isEqualTo("mysite");
            assertThat(ConfigSettings.store(loaded.config(), loaded.files())).isInstanceOf(StoreSettings.Redis.class);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theBudgetAndThePolicies_selectTheGatewaysPods() throws Exception {
        var labels = kind("Deployment", "vizgate").path("spec").path("template").path("metadata").path("labels");
        assertThat(kind("PodDisruptionBudget", "vizgate").path("spec").path("selector").path("matchLabels")).isEqualTo(labels);
        assertThat(kind("PodDisruptionBudget", "vizgate").path("spec").path("minAvailable").asInt()).isEqualTo(1);
        assertThat(kind("NetworkPolicy", "vizgate").path("spec").path("podSelector").path("matchLabels")).isEqualTo(labels);
        assertThat(kind("NetworkPolicy", "vizgate").path("spec").path("ingress").get(0).path("ports").get(0).path("port").asInt())
                .isEqualTo(gateway().path("ports").get(0).path("containerPort").asInt());
        assertThat(kind("NetworkPolicy", "vizgate-redis").path("spec").path("ingress").get(0).path("from").get(0).path("podSelector").path("matchLabels"))
                .isEqualTo(labels);
    }

    @Test
    void composesGatewayEnvironment_coversEveryReferenceInItsConfig() throws Exception {
        var compose = YAML.readTree(DEPLOY.resolve("compose.yaml").toFile());
        var provided = new HashSet<String>();
        compose.path("services").path("gateway-a").path("environment").fieldNames().forEachRemaining(provided::add);
        assertThat(provided).containsAll(envReferences(Files.readString(DEPLOY.resolve("config/vizgate.yaml"))));
        assertThat(compose.path("services").path("gateway-a").path("read_only").asBoolean()).isTrue();
    }
}
