package dev.vizgate.config;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every configuration mistake the mapping can meet, read by the loader and mapped section by section as {@code serve}
 * maps them: a {@link ConfigError} at the exact key that must change, its cause in words, a fix, and no secret. The CLI
 * and the Spring Boot starter only print these.
 */
class EveryMistakeIsNamedAtItsKeyTest {
    static final String SECRET = "a-connected-app-secret-of-at-least-32-bytes";
    static final String HASH = "a".repeat(64);

    @TempDir
    Path dir;

    static final String DIRECT = """
            tableau:
              server-url: https://10ax.online.tableau.com
              site: mysite
              connected-app:
                client-id: "6f1c2e7a-client"
                trust: direct
                secrets:
                  - { id: "9d4e-secret-id", value: "${TABLEAU_SECRET}" }
                active-secret: "9d4e-secret-id"
              token:
                lifetime: 5m
                scopes: [ "tableau:views:embed" ]
                allowed-scopes: [ "tableau:views:embed", "tableau:insights:embed" ]
            """;

    static final String EAS = """
            tableau:
              server-url: https://t.example.com
              connected-app:
                trust: eas
                issuer: https://vizgate.example.com
                signing-keys: [ "file:keys/now.pem", "file:keys/next.pem" ]
            """;

    static final String UAT = eas("    trust: eas\n", "    trust: uat\n    uat: { tenant-id: t-1 }\n");

    static final String IDP = """
            tableau:
              server-url: https://t.example.com
              connected-app:
                trust: idp
                issuer: https://sso.example.com/realms/portal
                token-exchange: { client-id: vizgate, client-secret: "${TABLEAU_SECRET}" }
            """;

    static final String SALESFORCE = """
            salesforce:
              token-url: https://acme.my.salesforce.com
              audience: https://login.salesforce.com
              consumer-key: "3MVG9k"
              private-key: "file:keys/private-key.pem"
            """;

    static String direct(String replace, String with) {
        assertThat(DIRECT).contains(replace);
        return DIRECT.replace(replace, with);
    }

    static String eas(String replace, String with) {
        assertThat(EAS).contains(replace);
        return EAS.replace(replace, with);
    }

    static String salesforce(String replace, String with) {
        assertThat(SALESFORCE).contains(replace);
        return SALESFORCE.replace(replace, with);
    }

    static String callers(String body) {
        return DIRECT + "callers:\n" + body;
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                // the loader
                arguments("not YAML", "tableau: [ unclosed", "", "not valid YAML"),
                arguments("unknown key", direct("client-id:", "clientid:"), "tableau.connected-app.clientid", "unknown key 'clientid'"),
                arguments("wrong type", direct("scopes: [ \"tableau:views:embed\" ]", "scopes: { a: 1 }"), "tableau.token.scopes", "expected a list"),
                arguments("environment variable not set", direct("${TABLEAU_SECRET}", "${NOT_SET_ANYWHERE}"),
                        "tableau.connected-app.secrets[0].value", "NOT_SET_ANYWHERE is not set"),
                arguments("secret file missing", direct("${TABLEAU_SECRET}", "file:secrets/nope.txt"), "tableau.connected-app.secrets[0].value", "file"),
                arguments("an empty file", "", "", "is empty"),
                arguments("a list instead of sections", "- a\n- b\n", "", "must be a YAML mapping"),
                arguments("the README's placeholder", direct("\"6f1c2e7a-client\"", "\"…\""), "tableau.connected-app.client-id", "placeholder"),
                arguments("a number expected", "server: { port: abc }\n" + DIRECT, "server.port", "expected a number"),
                arguments("a text value expected", direct("site: mysite", "site: [ a, b ]"), "tableau.site", "expected a text value"),
                arguments("true or false expected", direct("lifetime: 5m", "lifetime: 5m\n    wildcard-scopes: [ 1 ]"), "tableau.token.wildcard-scopes", "true or false"),
                arguments("a mapping expected", direct("  token:\n", "  token: [ 1 ]\n  x:\n").replace("  x:\n    lifetime: 5m\n    scopes: [ \"tableau:views:embed\" ]\n    allowed-scopes: [ \"tableau:views:embed\", \"tableau:insights:embed\" ]\n", ""),
                        "tableau.token", "expected a mapping"),
                arguments("a key that is a number", eas("\"file:keys/next.pem\"", "5"), "tableau.connected-app.signing-keys[1]", "a key is file:PATH"),
                arguments("a PEM key mapping with a pin", eas("\"file:keys/next.pem\"", "{ file: keys/next.pem, pin: \"1\" }"),
                        "tableau.connected-app.signing-keys[1]", "unknown key 'pin' in a key mapping"),
                arguments("a keystore entry with a pin", eas("\"file:keys/next.pem\"", "{ file: keys/k.p12, alias: a, pin: \"1\" }"),
                        "tableau.connected-app.signing-keys[1]", "unknown key 'pin' in a key mapping"),
                arguments("an HSM key with a file", eas("\"file:keys/next.pem\"", "{ pkcs11: hsm.cfg, alias: a, file: x }"),
                        "tableau.connected-app.signing-keys[1]", "unknown key 'file' in a key mapping"),
                arguments("a stored key with a file", eas("\"file:keys/next.pem\"", "{ vault: \"secret/k\", file: x }"),
                        "tableau.connected-app.signing-keys[1]", "unknown key 'file' in a key mapping"),
                arguments("a keystore entry without its file", eas("\"file:keys/next.pem\"", "{ alias: a }"),
                        "tableau.connected-app.signing-keys[1]", "needs 'file'"),
                // tableau:
                arguments("no tableau or salesforce", "store: { type: memory }\n", "tableau", "required key is missing"),
                arguments("server-url missing", direct("  server-url: https://10ax.online.tableau.com\n", ""), "tableau.server-url", "required key is missing"),
                arguments("plain http upstream", direct("https://10ax.online.tableau.com", "http://10ax.online.tableau.com"), "tableau.server-url", "is not https"),
                arguments("not a URL", direct("https://10ax.online.tableau.com", "10ax.online.tableau.com"), "tableau.server-url", "not an absolute URL"),
                arguments("an unparseable URL", direct("https://10ax.online.tableau.com", "https://bad host"), "tableau.server-url", "is not a URL"),
                arguments("site with a space", direct("site: mysite", "site: \"my site\""), "tableau.site", "site"),
                arguments("rest api version too old", direct("  site: mysite\n", "  site: mysite\n  rest-api-version: \"2.1\"\n"),
                        "tableau.rest-api-version", "3."),
                arguments("no connected app", "tableau:\n  server-url: https://t.example.com\n", "tableau.connected-app", "required key is missing"),
                arguments("no trust", direct("    trust: direct\n", ""), "tableau.connected-app.trust", "required key is missing"),
                arguments("unknown trust", direct("trust: direct", "trust: shared"), "tableau.connected-app.trust", "trust is 'shared'"),
                arguments("client id missing", direct("    client-id: \"6f1c2e7a-client\"\n", ""), "tableau.connected-app.client-id", "required key is missing"),
                arguments("direct with eas keys", direct("    trust: direct\n", "    trust: direct\n    issuer: https://x.example.com\n"),
                        "tableau.connected-app", "belong to trust: eas or idp"),
                arguments("no secrets", direct("    secrets:\n      - { id: \"9d4e-secret-id\", value: \"${TABLEAU_SECRET}\" }\n    active-secret: \"9d4e-secret-id\"\n", ""),
                        "tableau.connected-app.secrets", "needs the Connected App's secret"),
                arguments("secret without id", direct("{ id: \"9d4e-secret-id\", value:", "{ value:"), "tableau.connected-app.secrets[0].id", "required key is missing"),
                arguments("secret without value", direct(", value: \"${TABLEAU_SECRET}\" }", " }"), "tableau.connected-app.secrets[0].value", "required key is missing"),
                arguments("secret too short", direct("${TABLEAU_SECRET}", "too-short"), "tableau.connected-app.secrets[0].value", "HS256 needs at least 256 bits"),
                arguments("active secret not among the secrets", direct("active-secret: \"9d4e-secret-id\"", "active-secret: \"other\""),
                        "tableau.connected-app.active-secret", "is not among the secrets"),
                arguments("two secrets and none active", direct("    active-secret: \"9d4e-secret-id\"\n", "      - { id: \"second\", value: \"${TABLEAU_SECRET}\" }\n"),
                        "tableau.connected-app.active-secret", "none is marked active"),
                arguments("three secrets", direct("      - { id: \"9d4e-secret-id\", value: \"${TABLEAU_SECRET}\" }",
                                "      - { id: \"a\", value: \"${TABLEAU_SECRET}\" }\n      - { id: \"b\", value: \"${TABLEAU_SECRET}\" }\n      - { id: \"9d4e-secret-id\", value: \"${TABLEAU_SECRET}\" }"),
                        "tableau.connected-app.secrets", "at most 2"),
                arguments("rotation of a plain secret", direct("    active-secret: \"9d4e-secret-id\"\n",
                                "    active-secret: \"9d4e-secret-id\"\n    rotation: { personal-access-token: { name: p, secret: x } }\n"),
                        "tableau.connected-app.rotation", "only a managed secret is rotated"),
                arguments("managed secret beside secrets", direct("    active-secret: \"9d4e-secret-id\"\n",
                                "    active-secret: \"9d4e-secret-id\"\n    managed-secret: { vault: \"secret/vizgate/tableau\" }\n"),
                        "tableau.connected-app", "replaces secrets and active-secret"),
                arguments("managed secret as plain text", direct("    secrets:\n      - { id: \"9d4e-secret-id\", value: \"${TABLEAU_SECRET}\" }\n    active-secret: \"9d4e-secret-id\"\n",
                                "    managed-secret: \"${TABLEAU_SECRET}\"\n"),
                        "tableau.connected-app.managed-secret", "lives in a secret store"),
                arguments("rotation without its token", direct("    secrets:\n      - { id: \"9d4e-secret-id\", value: \"${TABLEAU_SECRET}\" }\n    active-secret: \"9d4e-secret-id\"\n",
                                "    managed-secret: { vault: \"secret/vizgate/tableau\" }\n    rotation: { propagation: 1m }\n"),
                        "tableau.connected-app.rotation.personal-access-token", "required key is missing"),
                arguments("rotation propagation not a duration", direct("    secrets:\n      - { id: \"9d4e-secret-id\", value: \"${TABLEAU_SECRET}\" }\n    active-secret: \"9d4e-secret-id\"\n",
                                "    managed-secret: { vault: \"secret/vizgate/tableau\" }\n    rotation: { personal-access-token: { name: p, secret: x }, propagation: soon }\n"),
                        "tableau.connected-app.rotation.propagation", "is not a duration"),
                arguments("admin token without a name", DIRECT + "  admin: { personal-access-token: { secret: x } }\n",
                        "tableau.admin.personal-access-token.name", "required key is missing"),
                arguments("admin token without its secret", DIRECT + "  admin: { personal-access-token: { name: p } }\n",
                        "tableau.admin.personal-access-token.secret", "required key is missing"),
                // tableau.token
                arguments("bad duration", direct("lifetime: 5m", "lifetime: five minutes"), "tableau.token.lifetime", "is not a duration"),
                arguments("scope grammar", direct("scopes: [ \"tableau:views:embed\" ]", "scopes: [ \"views:embed\" ]"), "tableau.token.scopes[0]", "tableau:<resource>:<action>"),
                arguments("allowed scope grammar", direct("allowed-scopes: [ \"tableau:views:embed\", \"tableau:insights:embed\" ]", "allowed-scopes: [ \"tableau:views:embed\", \"x\" ]"),
                        "tableau.token.allowed-scopes[1]", "tableau:<resource>:<action>"),
                arguments("default scope not allowed", direct("allowed-scopes: [ \"tableau:views:embed\", \"tableau:insights:embed\" ]", "allowed-scopes: [ \"tableau:insights:embed\" ]"),
                        "tableau.token", "is not among the allowed scopes"),
                arguments("lifetime beyond the maximum", direct("lifetime: 5m", "lifetime: 10m"), "tableau.token", "exceeds the maximum lifetime"),
                arguments("unknown oda flag", direct("lifetime: 5m", "lifetime: 5m\n    oda-flag: yes-please"), "tableau.token.oda-flag", "oda-flag is 'yes-please'"),
                // trust: uat (tableau.md §8)
                arguments("uat without its configuration", eas("    trust: eas\n", "    trust: uat\n"), "tableau.connected-app.uat", "required key is missing"),
                arguments("uat without its tenant", eas("    trust: eas\n", "    trust: uat\n    uat: { username-claim: upn }\n"),
                        "tableau.connected-app.uat.tenant-id", "required key is missing"),
                arguments("uat naming its user in sub", eas("    trust: eas\n", "    trust: uat\n    uat: { tenant-id: t-1, username-claim: sub }\n"),
                        "tableau.connected-app.uat", "the username claim cannot be sub"),
                arguments("uat with an audience", eas("    trust: eas\n", "    trust: uat\n    audience: tableau\n    uat: { tenant-id: t-1 }\n"),
                        "tableau.connected-app", "no secrets, token exchange, audience or rollover"),
                arguments("uat issuer not https", eas("    trust: eas\n", "    trust: uat\n    uat: { tenant-id: t-1 }\n").replace("https://vizgate", "http://vizgate"),
                        "tableau.connected-app.issuer", "https"),
                // trust: eas
                arguments("eas with secrets", eas("    trust: eas\n", "    trust: eas\n    active-secret: s\n"), "tableau.connected-app", "belong to trust: direct"),
                arguments("eas with a token exchange", eas("    trust: eas\n", "    trust: eas\n    token-exchange: { client-id: x }\n"),
                        "tableau.connected-app.token-exchange", "nothing is exchanged"),
                arguments("eas without issuer", eas("    issuer: https://vizgate.example.com\n", ""), "tableau.connected-app.issuer", "required key is missing"),
                arguments("eas issuer not https", eas("https://vizgate.example.com", "http://vizgate.example.com"), "tableau.connected-app.issuer", "https"),
                arguments("eas without keys", eas("    signing-keys: [ \"file:keys/now.pem\", \"file:keys/next.pem\" ]\n", ""),
                        "tableau.connected-app.signing-keys", "at least one signing key"),
                arguments("eas key alg symmetric", eas("\"file:keys/next.pem\"", "{ file: keys/next.pem, alg: HS256 }"),
                        "tableau.connected-app.signing-keys[1].alg", "is not RS256, PS256 or ES256"),
                arguments("eas key with a spaced kid", eas("\"file:keys/next.pem\"", "{ file: keys/next.pem, kid: \"a kid\" }"),
                        "tableau.connected-app.signing-keys[1].kid", "kid"),
                arguments("rollover not an instant", eas("    trust: eas\n", "    trust: eas\n    rollover-at: tomorrow\n"),
                        "tableau.connected-app.rollover-at", "is not a UTC instant"),
                arguments("rollover with one key", eas("[ \"file:keys/now.pem\", \"file:keys/next.pem\" ]", "[ \"file:keys/now.pem\" ]")
                                .replace("    trust: eas\n", "    trust: eas\n    rollover-at: \"2027-01-15T09:00:00Z\"\n"),
                        "tableau.connected-app.rollover-at", "two"),
                arguments("eas audience malformed", eas("    trust: eas\n", "    trust: eas\n    audience: \"tableau:not-a-luid\"\n"),
                        "tableau.connected-app.audience", "tableau"),
                // trust: idp
                arguments("idp with a secret", IDP.replace("    trust: idp\n", "    trust: idp\n    active-secret: s\n"), "tableau.connected-app", "Vizgate holds no secret"),
                arguments("idp without exchange", IDP.replace("    token-exchange: { client-id: vizgate, client-secret: \"${TABLEAU_SECRET}\" }\n", ""),
                        "tableau.connected-app.token-exchange", "required key is missing"),
                arguments("idp exchange without client", IDP.replace("client-id: vizgate, ", ""), "tableau.connected-app.token-exchange.client-id", "required key is missing"),
                arguments("idp exchange without secret", IDP.replace(", client-secret: \"${TABLEAU_SECRET}\"", ""),
                        "tableau.connected-app.token-exchange.client-secret", "required key is missing"),
                arguments("idp exchange endpoint over http", IDP.replace("client-id: vizgate,", "client-id: vizgate, token-endpoint: \"http://sso.example.com/token\","),
                        "tableau.connected-app.token-exchange.token-endpoint", "is not https"),
                arguments("idp without issuer", IDP.replace("    issuer: https://sso.example.com/realms/portal\n", ""), "tableau.connected-app.issuer", "required key is missing"),
                // salesforce:
                arguments("salesforce token-url missing", salesforce("  token-url: https://acme.my.salesforce.com\n", ""), "salesforce.token-url", "required key is missing"),
                arguments("salesforce consumer key missing", salesforce("  consumer-key: \"3MVG9k\"\n", ""), "salesforce.consumer-key", "required key is missing"),
                arguments("salesforce login host without allowed hosts", salesforce("https://acme.my.salesforce.com", "https://login.salesforce.com"),
                        "salesforce.allowed-hosts", "is not a My Domain"),
                arguments("salesforce allowed host malformed", SALESFORCE + "  allowed-hosts: [ \"bad host\" ]\n", "salesforce.allowed-hosts", "host"),
                arguments("salesforce unknown flow", SALESFORCE + "  flow: magic\n", "salesforce.flow", "flow is 'magic'"),
                arguments("salesforce audience missing off My Domain", salesforce("  token-url: https://acme.my.salesforce.com\n  audience: https://login.salesforce.com\n",
                        "  token-url: https://login.salesforce.com\n  allowed-hosts: [ acme.my.salesforce.com, login.salesforce.com ]\n"), "salesforce.audience", "required key is missing"),
                arguments("admin with both a PAT and a UAT", DIRECT + "  admin:\n    personal-access-token: { name: a, secret: s }\n    uat: { user: a@acme.com, scopes: [ \"tableau:content:read\" ] }\n",
                        "tableau.admin", "both personal-access-token and uat"),
                arguments("admin UAT without scopes", UAT + "  admin:\n    uat: { user: a@acme.com }\n", "tableau.admin.uat.scopes", "required key is missing"),
                arguments("admin UAT scope malformed", UAT + "  admin:\n    uat: { user: a@acme.com, scopes: [ \"content:read\" ] }\n", "tableau.admin.uat.scopes",
                        "tableau:<resource>:<action>"),
                arguments("admin UAT without trust uat", DIRECT + "  admin:\n    uat: { user: a@acme.com, scopes: [ \"tableau:content:read\" ] }\n",
                        "tableau.admin.uat", "needs the gateway to mint UATs"),
                arguments("token exchange subject token type unknown", SALESFORCE + "  flow: token-exchange\n  token-exchange: { subject-token-type: saml2 }\n",
                        "salesforce.token-exchange.subject-token-type", "subject-token-type is 'saml2'"),
                arguments("token exchange handler no API name", SALESFORCE + "  flow: token-exchange\n  token-exchange: { handler: \"my handler\" }\n",
                        "salesforce.token-exchange.handler", "API name"),
                arguments("token exchange without identity providers", SALESFORCE + "  flow: token-exchange\n", "salesforce.flow",
                        "callers.identity-providers lists none"),
                arguments("salesforce app unknown", SALESFORCE + "  app: lightning-app\n", "salesforce.app", "app is 'lightning-app'"),
                arguments("salesforce private key missing", salesforce("  private-key: \"file:keys/private-key.pem\"\n", ""), "salesforce.private-key", "required key is missing"),
                arguments("salesforce session ttl", SALESFORCE + "  session-ttl: a day\n", "salesforce.session-ttl", "is not a duration"),
                arguments("salesforce redirect over http", SALESFORCE + "  redirect-uri: http://portal.example.com/cb\n", "salesforce.redirect-uri", "is not https"),
                arguments("web-server refresh idle too short", SALESFORCE + "  flow: web-server\n  refresh-token-idle: 1s\n", "salesforce.refresh-token-idle", "minute"),
                arguments("circuit failures beyond its window", SALESFORCE + "  circuit: { failures: 12, of-last: 10 }\n", "salesforce.circuit", "12 failures of the last 10"),
                arguments("circuit open for no time", SALESFORCE + "  circuit: { open-for: 0s }\n", "salesforce.circuit", "positive time"),
                arguments("circuit open-for not a duration", SALESFORCE + "  circuit: { open-for: a while }\n", "salesforce.circuit.open-for", "is not a duration"),
                arguments("timeouts budget below a request", SALESFORCE + "  timeouts: { request: 10s, total-budget: 1s }\n", "salesforce.timeouts", "budget"),
                arguments("timeout not a duration", SALESFORCE + "  timeouts: { connect: soon }\n", "salesforce.timeouts.connect", "is not a duration"),
                // store:
                arguments("unknown store type", DIRECT + "store: { type: memcached }\n", "store.type", "store type 'memcached'"),
                arguments("memory with a url", DIRECT + "store: { type: memory, url: \"redis://x:6379\" }\n", "store", "belong to type: redis"),
                arguments("memory bound below one", DIRECT + "store: { type: memory, max-sessions: 0 }\n", "store.max-sessions", "at least 1"),
                arguments("redis without url", DIRECT + "store: { type: redis, secret: \"${TABLEAU_SECRET}\" }\n", "store.url", "required key is missing"),
                arguments("redis url unparseable", DIRECT + "store: { type: redis, url: \"redis://bad host\", secret: \"${TABLEAU_SECRET}\" }\n", "store.url", "not a URL"),
                arguments("redis url not redis", DIRECT + "store: { type: redis, url: \"http://cache:6379\", secret: \"${TABLEAU_SECRET}\" }\n", "store.url", "redis"),
                arguments("redis without its secret", DIRECT + "store: { type: redis, url: \"redis://127.0.0.1:6379\" }\n", "store.secret", "required key is missing"),
                arguments("redis secret too short", DIRECT + "store: { type: redis, url: \"redis://127.0.0.1:6379\", secret: short }\n", "store.secret", "at least 256"),
                arguments("redis timeout", DIRECT + "store: { type: redis, url: \"redis://127.0.0.1:6379\", secret: \"${TABLEAU_SECRET}\", timeout: never }\n",
                        "store.timeout", "is not a duration"),
                // callers:
                arguments("bad api key hash", callers("  api-keys: [ { name: a, sha256: \"abc\" } ]\n"), "callers.api-keys[0].sha256", "not 64 hex characters"),
                arguments("api key without a name", callers("  api-keys: [ { sha256: \"" + HASH + "\" } ]\n"), "callers.api-keys[0].name", "required key is missing"),
                arguments("key and jwks-url both", callers("  assertions: [ { issuer: \"https://p.example.com\", key: \"file:p.pem\", jwks-url: \"https://p.example.com/jwks\" } ]\n"),
                        "callers.assertions[0]", "exactly one of key and jwks-url"),
                arguments("neither key nor jwks-url", callers("  assertions: [ { issuer: \"https://p.example.com\" } ]\n"), "callers.assertions[0]", "exactly one of key and jwks-url"),
                arguments("assertion without issuer", callers("  assertions: [ { jwks-url: \"https://p.example.com/jwks\" } ]\n"),
                        "callers.assertions[0].issuer", "required key is missing"),
                arguments("assertion jwks over http", callers("  assertions: [ { issuer: \"https://p.example.com\", jwks-url: \"http://p.example.com/jwks\" } ]\n"),
                        "callers.assertions[0].jwks-url", "is not https"),
                arguments("assertion issuer twice", callers("  assertions:\n    - { issuer: \"https://p.example.com\", jwks-url: \"https://p.example.com/a\" }\n"
                        + "    - { issuer: \"https://p.example.com\", jwks-url: \"https://p.example.com/b\" }\n"), "callers.assertions[1].issuer", "listed twice"),
                arguments("assertion claims the same", callers("  assertions: [ { issuer: \"https://p.example.com\", jwks-url: \"https://p.example.com/j\", claims: { scopes: x, attributes: x } } ]\n"),
                        "callers.assertions[0].claims", "claim"),
                arguments("assertion leeway beyond two minutes", callers("  assertion-leeway: 5m\n  assertions: [ { issuer: \"https://p.example.com\", jwks-url: \"https://p.example.com/jwks\" } ]\n"),
                        "callers.assertion-leeway", "long after they expired"),
                arguments("idp without audience", callers("  identity-providers: [ { issuer: \"https://sso.example.com\" } ]\n"),
                        "callers.identity-providers[0].audience", "required key is missing"),
                arguments("idp without issuer", callers("  identity-providers: [ { audience: vizgate } ]\n"), "callers.identity-providers[0].issuer", "required key is missing"),
                arguments("idp issuer over http", callers("  identity-providers: [ { issuer: \"http://sso.example.com\", audience: vizgate } ]\n"),
                        "callers.identity-providers[0].issuer", "is not https"),
                arguments("idp issuer also an assertion issuer", callers("  assertions: [ { issuer: \"https://sso.example.com\", jwks-url: \"https://sso.example.com/j\" } ]\n"
                        + "  identity-providers: [ { issuer: \"https://sso.example.com\", audience: vizgate } ]\n"), "callers.identity-providers[0].issuer", "listed twice"),
                arguments("idp token type malformed", callers("  identity-providers: [ { issuer: \"https://sso.example.com\", audience: vizgate, token-type: \"a b\" } ]\n"),
                        "callers.identity-providers[0].token-type", "token type"),
                arguments("idp jwks over http", callers("  identity-providers: [ { issuer: \"https://sso.example.com\", audience: vizgate, jwks-url: \"http://sso.example.com/j\" } ]\n"),
                        "callers.identity-providers[0].jwks-url", "is not https"),
                // server:
                arguments("bad port", "server: { port: 70000 }\n" + DIRECT, "server.port", "out of range"),
                arguments("bad body size", "server: { max-body: lots }\n" + DIRECT, "server.max-body", "is not a size"),
                arguments("zero nodes", "server: { nodes: 0 }\n" + DIRECT, "server.nodes", "nodes is 0"),
                arguments("two nodes in memory", "server: { nodes: 2 }\n" + DIRECT, "server.nodes", "own replay ledger"),
                // secret-stores:
                arguments("a built-in store configured", DIRECT + "secret-stores: { env: { region: x } }\n", "secret-stores.env", "is built in"),
                arguments("a store that is neither", DIRECT + "secret-stores: { vault: { address: https://v.example.com, region: eu-west-1 } }\n",
                        "secret-stores.vault", "either address (Vault) or region"),
                arguments("vault with token and app-role", DIRECT + "secret-stores: { vault: { address: https://v.example.com, token: t, app-role: { role-id: r, secret-id: s } } }\n",
                        "secret-stores.vault", "exactly one of token and app-role"),
                arguments("vault app-role without role id", DIRECT + "secret-stores: { vault: { address: https://v.example.com, app-role: { secret-id: s } } }\n",
                        "secret-stores.vault.app-role.role-id", "required key is missing"),
                arguments("vault app-role without secret id", DIRECT + "secret-stores: { vault: { address: https://v.example.com, app-role: { role-id: r } } }\n",
                        "secret-stores.vault.app-role.secret-id", "required key is missing"),
                arguments("vault over http", DIRECT + "secret-stores: { vault: { address: http://v.example.com, token: t } }\n", "secret-stores.vault.address", "is not https"),
                arguments("store timeout", DIRECT + "secret-stores: { aws: { region: eu-west-1, timeout: later } }\n", "secret-stores.aws.timeout", "is not a duration"),
                arguments("aws region malformed", DIRECT + "secret-stores: { aws: { region: \"eu west\" } }\n", "secret-stores.aws.region", "region"),
                arguments("refresh too often", DIRECT + "secret-refresh: { every: 500ms }\n", "secret-refresh.every", "every"),
                arguments("refresh jitter too wide", DIRECT + "secret-refresh: { jitter: 0.9 }\n", "secret-refresh.jitter", "jitter"));
    }

    /** Everything {@code serve} maps from a configuration, section by section. */
    static void mapAll(ConfigLoader.Loaded loaded) {
        var c = loaded.config();
        var f = loaded.files();
        ConfigSettings.nodes(c);
        ServerMapping.of(c, f);
        if (c.tableau() != null || c.salesforce() == null) {
            ConfigSettings.tableau(c, f);
            ConfigSettings.rotation(c, f);
            ConfigSettings.admin(c, f);
        }
        if (c.salesforce() != null) {
            ConfigSettings.tableauNext(c, f);
        }
        ConfigSettings.store(c, f);
        ConfigSettings.platforms(c, f);
        ApiKeyMapping.of(c, f, Optional.empty());
        ConfigSettings.map(f, () -> SecretStoresMapping.stores(c.secretStores(), f));
        ConfigSettings.map(f, () -> SecretStoresMapping.refresh(c.secretRefresh()));
        // Keys and secrets load, and their strength is checked, when the sdk builds: serve and doctor build too.
        try (var built = ConfigSettings.build(f, ConfigSettings.builder(c, f, Clock.systemUTC()))) {
            assertThat(built).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistake_isAConfigErrorAtItsKey_withItsCauseAndAFix_andNoSecret(String name, String yaml, String path, String cause) throws Exception {
        var file = dir.resolve("vizgate.yaml");
        Files.writeString(file, yaml);
        var loader = new ConfigLoader(Map.of("TABLEAU_SECRET", SECRET)::get);
        assertThatThrownBy(() -> mapAll(loader.load(file))).as(name).isInstanceOfSatisfying(ConfigError.class, e -> {
            assertThat(e.path()).as(name + ": " + e.twoLines()).isEqualTo(path);
            assertThat(e.getMessage()).as(name).contains(cause);
            assertThat(e.fix()).as(name).isNotBlank();
            assertThat(e.twoLines()).as(name).doesNotContain(SECRET).doesNotContain("Exception");
        });
    }

    @org.junit.jupiter.api.Test
    void aMissingFile_isAConfigErrorAtTheTopLevel() {
        assertThatThrownBy(() -> new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("nope.yaml"))).isInstanceOfSatisfying(ConfigError.class, e -> {
            assertThat(e.path()).isEmpty();
            assertThat(e.getMessage()).contains("does not exist");
            assertThat(e.twoLines()).startsWith("config error at (top level): ");
        });
    }
}
