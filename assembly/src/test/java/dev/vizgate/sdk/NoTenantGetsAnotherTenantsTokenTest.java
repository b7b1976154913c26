package dev.vizgate.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trust boundary between customers, over random tenants and random requests: a token issued for a tenant is signed
 * with that tenant's secret (and verifies under no other tenant's), names that tenant's connected app and secret, and
 * carries only the user attributes that tenant allows, whatever the request names.
 */
class NoTenantGetsAnotherTenantsTokenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One generated customer: its own site, connected app, secret and allowed attribute. */
    record Customer(TenantId id, String site, String clientId, String secretId, String secret, String attribute) {
        TenantSettings settings() {
            var policy = TableauTokenPolicy.defaults().withAllowedAttributeNames(Set.of(attribute));
            return new TenantSettings(id, TableauSettings.of(URI.create("https://" + site + ".online.tableau.com"), new SiteContentUrl(site),
                    ConnectedApp.Direct.of(new ClientId(clientId), new SecretId(secretId), secret)).withToken(policy));
        }
    }

    /** One request: for which customer (by position), which user, which attribute names. */
    record Ask(int customer, String user, List<String> attributes) {
    }

    @Provide
    Arbitrary<List<Customer>> customers() {
        var one = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().alpha().numeric().ofLength(10),
                Arbitraries.strings().alpha().numeric().ofLength(8),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(32).ofMaxLength(48),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(10)
        ).as((slug, client, secretId, secret, attribute) -> new Customer(new TenantId(slug), slug, client, secretId, secret, "attr_" + attribute));
        return one.list().ofMinSize(2).ofMaxSize(6).uniqueElements(Customer::id).uniqueElements(Customer::secret)
                .uniqueElements(Customer::clientId).uniqueElements(Customer::secretId);
    }

    @Provide
    Arbitrary<List<Ask>> asks() {
        var ask = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10).map(u -> u + "@example.com"),
                Arbitraries.integers().between(0, 5).list().ofMaxSize(3).map(l -> l.stream().map(i -> "slot" + i).toList()))
                .as(Ask::new);
        return ask.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 60)
    void aTokenIsOnlyEverTheTenantsOwn(@ForAll("customers") List<Customer> customers, @ForAll("asks") List<Ask> asks) throws Exception {
        var byId = new HashMap<TenantId, TenantSettings>();
        customers.forEach(c -> byId.put(c.id(), c.settings()));
        try (var tenants = Tenants.of(id -> Optional.ofNullable(byId.get(id)), Vizgate::builder)) {
            for (var ask : asks) {
                var customer = customers.get(ask.customer() % customers.size());
                // "slotN" names the N-th customer's allowed attribute: requests reach for other tenants' attributes too.
                var attributes = UserAttributes.none();
                for (var slot : ask.attributes()) {
                    var owner = customers.get(Integer.parseInt(slot.substring(4)) % customers.size());
                    attributes = attributes.with(owner.attribute(), "v");
                }
                var outcome = tenants.tenant(customer.id()).orElseThrow().tableauTokens().orElseThrow()
                        .issue(TableauTokenRequest.forUser(new Subject(ask.user())).withAttributes(attributes));
                if (outcome instanceof TokenIssueOutcome.Refused) {
                    assertThat(attributes.names()).as("refused only for another tenant's attribute").anyMatch(n -> !n.equals(customer.attribute()));
                    continue;
                }
                var token = ((TokenIssueOutcome.Issued) outcome).token().value();
                var parts = token.split("\\.");
                var header = decode(parts[0]);
                var payload = decode(parts[1]);
                assertThat(header.path("kid").asText()).isEqualTo(customer.secretId());
                assertThat(header.path("iss").asText()).isEqualTo(customer.clientId());
                assertThat(payload.path("iss").asText()).isEqualTo(customer.clientId());
                assertThat(payload.path("sub").asText()).isEqualTo(ask.user());
                var names = new ArrayList<String>();
                payload.fieldNames().forEachRemaining(names::add);
                assertThat(names).filteredOn(n -> n.startsWith("attr_")).allMatch(customer.attribute()::equals);
                for (var other : customers) {
                    assertThat(signedWith(parts, other.secret())).as("signed with " + other.id() + "'s secret").isEqualTo(other == customer);
                }
            }
        }
    }

    private static JsonNode decode(String part) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(part));
    }

    private static boolean signedWith(String[] parts, String secret) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]));
    }
}
