package dev.vizgate.config;

import java.util.List;
import java.util.Map;

/**
 * The configuration file, as DESIGN.md gives it. Keys are kebab-case in YAML; every section is optional here
 * and required where a command needs it. Unknown keys are errors.
 */
public record VizgateConfig(Server server, Callers callers, Tableau tableau, Salesforce salesforce, Store store,
                            Map<String, SecretStore> secretStores, SecretRefresh secretRefresh, Tenants tenants, Audit audit, Logging logging,
                            Tracing tracing) {
    /** A configuration whose log lines are plain text, and which traces nothing. */
    public VizgateConfig(Server server, Callers callers, Tableau tableau, Salesforce salesforce, Store store,
                         Map<String, SecretStore> secretStores, SecretRefresh secretRefresh, Tenants tenants, Audit audit) {
        this(server, callers, tableau, salesforce, store, secretStores, secretRefresh, tenants, audit, null, null);
    }

    /**
     * OpenTelemetry traces ({@code enabled}, off by default): a span for each request that runs a use case, exported
     * with OTLP as the usual {@code OTEL_*} environment variables say (endpoint, headers, sampler, service name).
     */
    public record Tracing(Boolean enabled) {
    }

    /** How the gateway writes its log lines: {@code format} is {@code text} (the default) or {@code json} (ECS fields). */
    public record Logging(String format) {
    }

    /** A configuration without an audit trail. */
    public VizgateConfig(Server server, Callers callers, Tableau tableau, Salesforce salesforce, Store store,
                         Map<String, SecretStore> secretStores, SecretRefresh secretRefresh, Tenants tenants) {
        this(server, callers, tableau, salesforce, store, secretStores, secretRefresh, tenants, null);
    }

    /** A one-tenant configuration: today's shape, with no {@code tenants:} section. */
    public VizgateConfig(Server server, Callers callers, Tableau tableau, Salesforce salesforce, Store store,
                         Map<String, SecretStore> secretStores, SecretRefresh secretRefresh) {
        this(server, callers, tableau, salesforce, store, secretStores, secretRefresh, null, null);
    }

    /**
     * The audit trail: who obtained which token for which user, and why a request was refused. {@code key} seals the
     * chain and pseudonymises personal values (32+ bytes, from a secret store); {@code node} names this node in each
     * record; {@code clear} lists the personal fields written in clear; {@code file} and/or {@code stdout} say where.
     */
    public record Audit(SecretText key, String node, List<String> clear, Integer queue, AuditFile file, Boolean stdout, AuditSyslog syslog,
                        Boolean required) {
        @Override
        public String toString() {
            return "Audit[" + (file == null ? "" : "file ") + (Boolean.TRUE.equals(stdout) ? "stdout " : "") + (syslog == null ? "" : "syslog ")
                    + (Boolean.TRUE.equals(required) ? "required" : "") + "]"; // never the key
        }
    }

    /** A JSON-lines file, rolled each day and at {@code max-size} (e.g. 100m), keeping {@code keep-days} days. */
    public record AuditFile(String path, String maxSize, Integer keepDays) {
    }

    /** A syslog daemon taking RFC 5424 messages over TCP. */
    public record AuditSyslog(String host, Integer port) {
    }

    /**
     * Many customers in one deployment, each with its own Tableau section, Salesforce section, or both: listed here
     * ({@code list}, each an {@code id} with a {@code tableau:} and/or {@code salesforce:} section, over {@code defaults}) and/or one file per tenant in {@code directory}
     * ({@code <id>.yaml}, over {@code _defaults.yaml}), read again when it changes. In {@code defaults}, {@code {tenant}}
     * stands for the tenant's id. A tenant listed here and in the directory is the one listed here. {@code metrics-tags}
     * bounds the {@code tenant} tag: the first that many tenants get their own, the rest share {@code other}.
     */
    public record Tenants(String directory, TenantDefaults defaults, List<Tenant> list, Integer metricsTags) {
    }

    /** What most tenants share, under each listed tenant's own keys. */
    public record TenantDefaults(Tableau tableau, Salesforce salesforce) {
    }

    /**
     * One customer: its id (a slug of 1 to 64 characters), and its Tableau site, connected app and token policy, its
     * Salesforce org and External Client App for Tableau Next, or both.
     */
    public record Tenant(String id, Tableau tableau, Salesforce salesforce) {
    }

    public record Server(Integer port, String bind, String maxBody, RateLimit rateLimit, Tls tls, String shutdownGrace, AdminListener admin, Integer nodes,
                         String readableSecretFiles, Cors cors) {
    }

    /**
     * The web origins whose pages may call the gateway's browser routes from another origin (CORS): each exactly, as
     * {@code scheme://host[:port]}; {@code max-age} is how long a browser may keep a preflight's answer (default 10m).
     */
    public record Cors(List<String> allowedOrigins, String maxAge) {
    }

    /** A second, plain-HTTP listener for /readyz and /metrics, which the public listener then stops serving. */
    public record AdminListener(String bind, Integer port) {
    }

    /**
     * Requests per minute a caller (API key or assertion issuer), a single user, and (with tenants) all of one tenant's
     * callers together may make.
     */
    public record RateLimit(Integer callerPerMinute, Integer userPerMinute, Integer tenantPerMinute) {
        public RateLimit(Integer callerPerMinute, Integer userPerMinute) {
            this(callerPerMinute, userPerMinute, null);
        }

    }

    public record Tls(String keystore, String password) {
        @Override
        public String toString() {
            return "Tls[" + keystore + ", password redacted]";
        }
    }

    /**
     * Who may ask for tokens. {@code assertion-leeway} is the clock skew allowed on an assertion's exp, iat and nbf
     * (default 30s).
     */
    public record Callers(List<ApiKey> apiKeys, List<AssertionIssuer> assertions, String assertionLeeway, List<IdentityProvider> identityProviders) {
    }

    /**
     * An OIDC identity provider whose access tokens prove a browser's user (Keycloak, Okta, Entra ID, Auth0): its issuer
     * (keys found through its metadata, or at {@code jwks-url}), the audience its tokens must name, and which claims
     * carry the Tableau username and the scopes and attributes the platform grants. {@code token-type} (e.g.
     * {@code at+jwt}, RFC 9068) is the header typ its access tokens must carry; {@code allowed-clients} the clients
     * ({@code azp} or {@code client_id}) whose tokens are taken.
     */
    public record IdentityProvider(String issuer, String audience, String jwksUrl, IdentityClaims claims, String tokenType,
                                   List<String> allowedClients, String tenant) {
    }

    /** {@code tenant}: the claim that names the user's tenant, when the gateway has tenants and this issuer serves several. */
    public record IdentityClaims(String username, String scopes, String attributes, String tenant) {
    }

    /**
     * A platform backend. It names the user, and may name scopes and attributes within its own allow-lists when given
     * ({@code allowed-scopes}, {@code allowed-attributes}); without them the gateway's tableau.token lists alone apply.
     * With {@code tenants:} configured, {@code tenants} names the tenants it may act for, or {@code ["*"]} for all.
     */
    public record ApiKey(String name, SecretText sha256, List<String> allowedScopes, List<AllowedAttribute> allowedAttributes,
                         List<String> tenants) {
        public ApiKey(String name, SecretText sha256, List<String> allowedScopes, List<AllowedAttribute> allowedAttributes) {
            this(name, sha256, allowedScopes, allowedAttributes, null);
        }

        @Override
        public String toString() {
            return "ApiKey[" + name + "]";
        }
    }

    /** An attribute a backend may set: any value, one of {@code values}, or a value matching {@code pattern} whole. */
    public record AllowedAttribute(String name, List<String> values, String pattern) {
    }

    /** A platform whose browsers prove their user with an assertion; {@code claims} maps what else it may grant. */
    public record AssertionIssuer(String issuer, KeyRef key, String jwksUrl, String audience, AssertionClaims claims, String tenant) {
    }

    /** Which claims of the platform's assertion carry the scopes and the user attributes it grants. */
    public record AssertionClaims(String scopes, String attributes, String tenant) {
    }

    public record Tableau(String serverUrl, String site, String restApiVersion, ConnectedApp connectedApp, Token token, Admin admin,
                          CloudManager cloudManager) {
    }

    /**
     * Tableau Cloud Manager, where {@code vizgate uat register} keeps the UAT configuration: its URL, an administrator's
     * personal access token, and the API's paths and session header, which come from field reports (UNVERIFIED).
     */
    public record CloudManager(String url, PersonalAccessToken personalAccessToken, String loginPath, String configurationsPath,
                               String sessionHeader, String timeout) {
    }

    /** A site administrator's personal access token, for {@code vizgate eas register} and doctor's site lookup. */
    public record Admin(PersonalAccessToken personalAccessToken, AdminUat uat) {
    }

    /** {@code tableau.admin.uat}: REST sign-in with a unified access token the gateway mints for this user and these scopes. */
    public record AdminUat(String user, List<String> scopes) {
    }

    /**
     * {@code managed-secret} (direct trust, instead of {@code secrets}) names a secret-store document holding the current
     * secret's id and value, which {@code vizgate secrets rotate} replaces; {@code rotation} says how.
     */
    public record ConnectedApp(String clientId, String trust, List<Secret> secrets, String activeSecret, String issuer,
                               List<KeyRef> signingKeys, SecretText managedSecret, Rotation rotation, String audience, TokenExchange tokenExchange,
                               String rolloverAt, Uat uat) {
    }

    /**
     * {@code trust: uat}: the Tableau Cloud Manager UAT configuration this gateway's tokens are for (tableau.md §8): its
     * tenant, the claim it reads the username from, and optionally the one site a token names.
     */
    public record Uat(String tenantId, String usernameClaim, String siteId, String name, List<String> resourceIds) {
    }

    /** {@code trust: idp}: how Vizgate asks the identity provider (RFC 8693) for the Tableau token. */
    public record TokenExchange(String clientId, SecretText clientSecret, String audience, String scope, String tokenEndpoint) {
    }

    /** Rotation of a managed secret: as which site administrator, and how long every node needs to read the store again. */
    public record Rotation(PersonalAccessToken personalAccessToken, String propagation, String every) {
    }

    public record PersonalAccessToken(String name, SecretText secret) {
        @Override
        public String toString() {
            return "PersonalAccessToken[" + name + ", secret redacted]";
        }
    }

    public record Secret(String id, SecretText value) {
        @Override
        public String toString() {
            return "Secret[" + id + ", value redacted]";
        }
    }

    public record Token(String lifetime, String maxLifetime, String skew, List<String> scopes, List<String> allowedScopes,
                        List<String> allowedAttributes, Boolean wildcardScopes, String odaFlag) {
    }

    /**
     * @param app {@code external-client-app} (the default: every new integration since Spring '26) or
     *            {@code connected-app} (an existing one), which decides only what doctor warns about the audience
     */
    public record Salesforce(String tokenUrl, String audience, String consumerKey, SecretText clientSecret, KeyRef privateKey,
                             String certificate, String flow, String sessionTtl, List<String> allowedHosts, String redirectUri,
                             List<String> scopes, Timeouts timeouts, Circuit circuit, String refreshTokenIdle, String app,
                             SalesforceTokenExchange tokenExchange) {
        @Override
        public String toString() {
            return "Salesforce[" + tokenUrl + ", " + flow + "]";
        }
    }

    /** {@code salesforce.token-exchange}: how the caller's identity-provider token is presented to the org. */
    public record SalesforceTokenExchange(String subjectTokenType, String handler) {
    }

    /** Limits for calls to Salesforce; every call, retries included, ends within total-budget. */
    public record Timeouts(String connect, String request, String totalBudget, Integer maxRetries) {
    }

    /**
     * The circuit breaker in front of Salesforce: it opens when {@code failures} of the last {@code of-last} calls
     * failed (I/O errors and 5xx), fails calls fast for {@code open-for}, then lets one trial call through.
     */
    public record Circuit(Integer failures, Integer ofLast, String openFor) {
    }

    /** memory (one node; bounded by max-sessions and max-jtis) or redis (many nodes; url, secret, timeout). */
    public record Store(String type, String url, SecretText secret, String timeout, Long maxSessions, Long maxJtis) {
        @Override
        public String toString() {
            return "Store[" + type + "]"; // a Redis URL may carry a password
        }
    }

    /**
     * A secrets manager, by the name secret references use: {@code address} and {@code token} or {@code app-role} (and
     * optionally {@code namespace}, {@code ca-certificate}) make it Vault; {@code region} (and optionally
     * {@code endpoint}) make it AWS Secrets Manager. {@code timeout} applies to both.
     */
    public record SecretStore(String address, String token, AppRole appRole, String namespace, String caCertificate,
                              String region, String endpoint, String timeout) {
        @Override
        public String toString() {
            return "SecretStore[" + (address != null ? address : region) + ", credentials redacted]";
        }
    }

    public record AppRole(String roleId, String secretId, String mount) {
        @Override
        public String toString() {
            return "AppRole[" + roleId + ", secret id redacted]";
        }
    }

    /** How often stored secrets are read again ({@code every}, default 1m) and the spread of each wait ({@code jitter}, default 0.1). */
    public record SecretRefresh(String every, Double jitter) {
    }
}
