package dev.vizgate.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** tableau.md §1: scopes are tableau:&lt;resource&gt;:&lt;action&gt;. */
class ScopeTest {
    @ParameterizedTest
    @ValueSource(strings = {"tableau:views:embed", "tableau:views:embed_authoring", "tableau:insights:embed",
            "tableau:content:read", "tableau:viz_data_service:read", "tableau:workbooks:download", "tableau:users:*"})
    void givenDocumentedScope_construction_accepts(String s) {
        assertThat(new Scope(s).value()).isEqualTo(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"views:embed", "tableau:views", "tableau::embed", "Tableau:views:embed", "tableau:Views:embed",
            "tableau:views:embed:extra", "tableau:views: embed", "tableau:*:read", "tableau:views:embed "})
    void givenScopeOutsideTheGrammar_construction_isRefused(String s) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Scope(s));
    }

    @Test
    void scope_exposesResourceAndAction() {
        var s = new Scope("tableau:viz_data_service:read");
        assertThat(s.resource()).isEqualTo("viz_data_service");
        assertThat(s.action()).isEqualTo("read");
        assertThat(s.isWildcard()).isFalse();
        assertThat(new Scope("tableau:users:*").isWildcard()).isTrue();
    }

    @Test
    void givenDuplicateScope_scopes_isRefusedButParseDropsRepeats() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scopes.of("tableau:views:embed", "tableau:views:embed"));
        assertThat(Scopes.parse(List.of("tableau:views:embed", "tableau:views:embed")).names()).containsExactly("tableau:views:embed");
    }

    @Test
    void scopeNames_areInTheGivenOrder_andCannotBeChanged() {
        var names = Scopes.of("tableau:views:embed", "tableau:insights:embed", "tableau:content:read").names();
        assertThat(names).containsExactly("tableau:views:embed", "tableau:insights:embed", "tableau:content:read");
        assertThat(names).isEqualTo(List.of("tableau:views:embed", "tableau:insights:embed", "tableau:content:read"));
        assertThatThrownBy(() -> names.add("tableau:users:*")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> names.set(0, "tableau:users:*")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Scopes.none().names()).isEmpty();
    }

    @Test
    void scopes_areEqualByTheirValueAlone() {
        var a = new Scope("tableau:views:embed");
        assertThat(a).isEqualTo(new Scope("tableau:views:embed")).hasSameHashCodeAs(new Scope("tableau:views:embed"));
        assertThat(a.hashCode()).isEqualTo("tableau:views:embed".hashCode());
        assertThat(a).isNotEqualTo(new Scope("tableau:views:embed_authoring")).isNotEqualTo("tableau:views:embed");
        assertThat(a.equals(null)).isFalse();
    }
}
