package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Scope;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.CallerAllowance.AttributeRule;
import dev.vizgate.domain.policy.CallerAllowance.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A platform backend names scopes and attributes only within its own allow-lists. */
class CallerAllowanceTest {
    private static final TableauTokenRequest ALICE = TableauTokenRequest.forUser(new Subject("alice@example.com"));
    private final CallerAllowance allowance = new CallerAllowance(Optional.of(Set.of(new Scope("tableau:views:embed"))),
            Optional.of(Map.of(
                    "region", new AttributeRule("region", Optional.of(Set.of("West", "East")), Optional.empty()),
                    "dept", new AttributeRule("dept", Optional.empty(), Optional.of(Pattern.compile("[A-Z]{2,4}"))),
                    "team", AttributeRule.anyValue("team"))));

    @Test
    void givenRequestWithinTheLists_review_findsNothing() {
        var r = ALICE.withScopes(Scopes.of("tableau:views:embed"))
                .withAttributes(UserAttributes.none().with("region", "West").with("dept", "OPS").with("team", "anything at all"));
        assertThat(allowance.review(r)).isEmpty();
    }

    @Test
    void givenScopeOutsideTheCallersList_review_refusesIt() {
        var r = ALICE.withScopes(Scopes.of("tableau:views:embed", "tableau:views:embed_authoring"));
        assertThat(allowance.review(r)).containsExactly(new Refusal(Refusal.Kind.SCOPE, "", "tableau:views:embed_authoring"));
    }

    @Test
    void givenAttributeNameNotListed_review_refusesTheName() {
        assertThat(allowance.review(ALICE.withAttributes(UserAttributes.none().with("tenant", "x"))))
                .containsExactly(new Refusal(Refusal.Kind.ATTRIBUTE_NAME, "tenant", "tenant"));
    }

    @Test
    void givenValueNotAmongTheAllowedValues_review_refusesThatValueOnly() {
        var r = ALICE.withAttributes(UserAttributes.none().with("region", List.of("West", "ALL")));
        assertThat(allowance.review(r)).containsExactly(new Refusal(Refusal.Kind.ATTRIBUTE_VALUE, "region", "ALL"));
    }

    @Test
    void givenValueNotMatchingTheWholePattern_review_refusesIt() {
        assertThat(allowance.review(ALICE.withAttributes(UserAttributes.none().with("dept", "OPS;ALL"))))
                .containsExactly(new Refusal(Refusal.Kind.ATTRIBUTE_VALUE, "dept", "OPS;ALL"));
    }

    @Test
    void givenUnrestrictedAllowance_review_leavesTheChoiceToTheGatewayPolicy() {
        var r = ALICE.withScopes(Scopes.of("tableau:views:embed_authoring")).withAttributes(UserAttributes.none().with("region", "ALL"));
        assertThat(CallerAllowance.unrestricted().review(r)).isEmpty();
    }

    @Test
    void givenBothValuesAndPattern_attributeRule_isRefused() {
        assertThatThrownBy(() -> new AttributeRule("x", Optional.of(Set.of("a")), Optional.of(Pattern.compile("a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    }
}
