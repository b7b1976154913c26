package dev.vizgate.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** tableau.md §1 User attributes: any extra claim, string or array. */
class UserAttributesTest {
    @Test
    void givenMultiValuedAttribute_values_keepsEveryValueInOrder() {
        var a = UserAttributes.none().with("state", List.of("WA", "OR", "CA"));
        assertThat(a.values().get("state")).isInstanceOf(AttributeValue.Many.class);
        assertThat(a.values().get("state").values()).containsExactly("WA", "OR", "CA");
    }

    @Test
    void givenSingleValuedAttribute_values_isAString() {
        assertThat(UserAttributes.none().with("region", "West").values().get("region")).isEqualTo(new AttributeValue.Single("West"));
    }

    @Test
    void givenOneElementArray_values_staysAnArray() {
        assertThat(UserAttributes.none().with("state", List.of("WA")).values().get("state")).isInstanceOf(AttributeValue.Many.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sub", "iss", "aud", "exp", "jti", "scp", "https://tableau.com/oda", "https://tableau.com/groups"})
    void givenReservedClaimName_construction_isRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> UserAttributes.none().with(name, "x"))
                .withMessageContaining("reserved");
    }

    @Test
    void givenEmptyMultiValue_construction_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> AttributeValue.of(List.of()));
    }

    @Test
    void givenControlCharacterInValue_construction_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> AttributeValue.of("a\nb"));
    }
}
