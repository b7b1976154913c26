package dev.vizgate.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * AWS Secrets Manager's JSON 1.1 API on loopback, as AWS documents it: {@code POST /} with
 * {@code Content-Type: application/x-amz-json-1.1}, {@code X-Amz-Target: secretsmanager.<Action>} and a SigV4
 * {@code Authorization} header whose credential scope names this region and {@code secretsmanager}, dated within 15
 * minutes of the stand-in's clock. Actions: {@code CreateSecret}, {@code GetSecretValue} (by {@code VersionId} or
 * {@code VersionStage}, default {@code AWSCURRENT}), {@code PutSecretValue} (moves {@code AWSCURRENT}, the old version
 * becoming {@code AWSPREVIOUS}, unless other stages are named) and {@code UpdateSecretVersionStage}. Errors are
 * {@code {"__type": …, "Message": …}} with status 400, as the service answers them.
 */
public final class SecretsManagerStandIn implements AutoCloseable {
    private final TraceparentsSeen traceparents = new TraceparentsSeen();

    /** The W3C traceparent headers this stand-in's API received, as real vendors join a caller's trace by them. */
    public TraceparentsSeen traceparents() {
        return traceparents;
    }

    public static final String CURRENT = "AWSCURRENT";
    public static final String PENDING = "AWSPENDING";
    public static final String PREVIOUS = "AWSPREVIOUS";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=[0-9a-f]{64}");

    private record Version(String id, String value, List<String> stages, Instant created) {
    }

    private record Secret(String name, String arn, List<Version> versions) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Clock clock;
    private final String region;
    private final String accessKeyId;
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private volatile boolean down;

    private SecretsManagerStandIn(HttpServer server, Clock clock, String region, String accessKeyId) {
        this.server = server;
        this.clock = clock;
        this.region = region;
        this.accessKeyId = accessKeyId;
        server.setExecutor(executor);
        server.createContext("/", this::handle).getFilters().add(traceparents.filter());
        server.start();
    }

    /** A stand-in for {@code region} that accepts requests signed with {@code accessKeyId}'s credentials. */
    public static SecretsManagerStandIn start(Clock clock, String region, String accessKeyId) throws IOException {
        return new SecretsManagerStandIn(Http.server(), clock, region, accessKeyId);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** While down, every call answers 503 ServiceUnavailable, as an outage would. */
    public void down(boolean isDown) {
        down = isDown;
    }

    /** The stages each version of {@code name} holds now, oldest first, for tests to check rotation. */
    public synchronized List<List<String>> stages(String name) {
        var s = find(name);
        return s == null ? List.of() : s.versions().stream().filter(v -> !v.stages().isEmpty()).map(v -> List.copyOf(v.stages())).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (down) {
                error(ex, 503, "ServiceUnavailable", "Service is unavailable");
                return;
            }
            var target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            var type = ex.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(ex.getRequestMethod()) || target == null || !target.startsWith("secretsmanager.")
                    || type == null || !type.startsWith("application/x-amz-json-1.1")) {
                error(ex, 400, "UnknownOperationException", "expected a JSON 1.1 POST with X-Amz-Target secretsmanager.<Action>");
                return;
            }
            var refusal = signatureRefusal(ex);
            if (refusal != null) {
                error(ex, 403, refusal.startsWith("The security token") ? "UnrecognizedClientException" : "InvalidSignatureException", refusal);
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> body = Http.JSON.readValue(Http.body(ex), Map.class);
            synchronized (this) {
                switch (target.substring("secretsmanager.".length())) {
                    case "CreateSecret" -> create(ex, body);
                    case "GetSecretValue" -> get(ex, body);
                    case "PutSecretValue" -> put(ex, body);
                    case "UpdateSecretVersionStage" -> updateStage(ex, body);
                    default -> error(ex, 400, "UnknownOperationException", "unsupported action " + target);
                }
            }
        }
    }

    /** The SigV4 header's shape and scope; the signature's bytes are the SDK's business, its presence and scope ours. */
    private String signatureRefusal(HttpExchange ex) {
        var header = ex.getRequestHeaders().getFirst("Authorization");
        var date = ex.getRequestHeaders().getFirst("X-Amz-Date");
        if (header == null || date == null) {
            return "Request is missing Authentication Token";
        }
        var m = AUTHORIZATION.matcher(header);
        if (!m.matches()) {
            return "the Authorization header is not AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…";
        }
        if (!accessKeyId.equals(m.group(1))) {
            return "The security token included in the request is invalid.";
        }
        if (!region.equals(m.group(3)) || !"secretsmanager".equals(m.group(4))) {
            return "Credential should be scoped to a valid region and to service secretsmanager, not " + m.group(3) + "/" + m.group(4);
        }
        if (!Set.of(m.group(5).split(";")).containsAll(Set.of("host", "x-amz-date"))) {
            return "SignedHeaders must include host and x-amz-date";
        }
        var signedAt = LocalDateTime.parse(date, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")).toInstant(ZoneOffset.UTC);
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
            return "Signature expired: " + date + " is now earlier than the allowed window (15 minutes)";
        }
        if (!m.group(2).equals(date.substring(0, 8))) {
            return "the credential scope's date differs from X-Amz-Date";
        }
        return null;
    }

    private Secret find(String id) {
        if (id == null) {
            return null;
        }
        return secrets.values().stream().filter(s -> s.name().equals(id) || s.arn().equals(id)).findFirst().orElse(null);
    }

    private void create(HttpExchange ex, Map<String, Object> body) throws IOException {
        var name = (String) body.get("Name");
        if (find(name) != null) {
            error(ex, 400, "ResourceExistsException", "The operation failed because the secret " + name + " already exists.");
            return;
        }
        var arn = "arn:aws:secretsmanager:" + region + ":123456789012:secret:" + name + "-" + UUID.randomUUID().toString().substring(0, 6);
        var secret = new Secret(name, arn, new ArrayList<>());
        secrets.put(arn, secret);
        var version = newVersion(secret, body, List.of(CURRENT));
        Http.send(ex, 200, "application/x-amz-json-1.1", Http.JSON.writeValueAsBytes(Map.of("ARN", arn, "Name", name, "VersionId", version.id())));
    }

    private void get(HttpExchange ex, Map<String, Object> body) throws IOException {
        var secret = find((String) body.get("SecretId"));
        if (secret == null) {
            error(ex, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            return;
        }
        var versionId = (String) body.get("VersionId");
        var stage = body.get("VersionStage") == null ? (versionId == null ? CURRENT : null) : (String) body.get("VersionStage");
        var version = secret.versions().stream().filter(v -> (versionId == null || v.id().equals(versionId)) && (stage == null || v.stages().contains(stage)))
                .findFirst().orElse(null);
        if (version == null) {
            error(ex, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: " + stage);
            return;
        }
        var answer = new LinkedHashMap<String, Object>();
        answer.put("ARN", secret.arn());
        answer.put("Name", secret.name());
        answer.put("VersionId", version.id());
        answer.put("SecretString", version.value());
        answer.put("VersionStages", version.stages());
        answer.put("CreatedDate", version.created().toEpochMilli() / 1000.0);
        Http.send(ex, 200, "application/x-amz-json-1.1", Http.JSON.writeValueAsBytes(answer));
    }

    @SuppressWarnings("unchecked")
    private void put(HttpExchange ex, Map<String, Object> body) throws IOException {
        var secret = find((String) body.get("SecretId"));
        if (secret == null) {
            error(ex, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            return;
        }
        var stages = body.get("VersionStages") instanceof List<?> l ? (List<String>) l : List.of(CURRENT);
        var version = newVersion(secret, body, stages);
        Http.send(ex, 200, "application/x-amz-json-1.1", Http.JSON.writeValueAsBytes(Map.of("ARN", secret.arn(), "Name", secret.name(),
                "VersionId", version.id(), "VersionStages", version.stages())));
    }

    private void updateStage(HttpExchange ex, Map<String, Object> body) throws IOException {
        var secret = find((String) body.get("SecretId"));
        var stage = (String) body.get("VersionStage");
        if (secret == null || stage == null) {
            error(ex, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            return;
        }
        var to = (String) body.get("MoveToVersionId");
        var from = (String) body.get("RemoveFromVersionId");
        var holder = secret.versions().stream().filter(v -> v.stages().contains(stage)).findFirst();
        if (holder.isPresent() && to != null && !holder.get().id().equals(from)) {
            error(ex, 400, "InvalidParameterException", "The staging label " + stage + " is attached to version " + holder.get().id()
                    + "; name it in RemoveFromVersionId");
            return;
        }
        holder.ifPresent(v -> v.stages().remove(stage));
        if (CURRENT.equals(stage) && holder.isPresent()) {
            secret.versions().forEach(v -> v.stages().remove(PREVIOUS));
            holder.get().stages().add(PREVIOUS);
        }
        if (to != null) {
            secret.versions().stream().filter(v -> v.id().equals(to)).findFirst().ifPresent(v -> v.stages().add(stage));
        }
        Http.send(ex, 200, "application/x-amz-json-1.1", Http.JSON.writeValueAsBytes(Map.of("ARN", secret.arn(), "Name", secret.name())));
    }

    private Version newVersion(Secret secret, Map<String, Object> body, List<String> stages) {
        var id = body.get("ClientRequestToken") instanceof String t ? t : UUID.randomUUID().toString();
        for (var stage : stages) {
            var holder = secret.versions().stream().filter(v -> v.stages().contains(stage)).findFirst();
            holder.ifPresent(v -> v.stages().remove(stage));
            if (CURRENT.equals(stage) && holder.isPresent()) {
                secret.versions().forEach(v -> v.stages().remove(PREVIOUS));
                holder.get().stages().add(PREVIOUS);
            }
        }
        var version = new Version(id, String.valueOf(body.get("SecretString")), new ArrayList<>(stages), clock.instant());
        secret.versions().add(version);
        return version;
    }

    private static void error(HttpExchange ex, int status, String type, String message) throws IOException {
        ex.getResponseHeaders().add("x-amzn-ErrorType", type);
        Http.send(ex, status, "application/x-amz-json-1.1", Http.JSON.writeValueAsBytes(Map.of("__type", type, "Message", message)));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
