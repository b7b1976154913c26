package dev.vizgate.app.http;

import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.sandbox.TableauCode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's catalogue of Tableau's rejection codes (TableauErrorCode, which the gateway explains to users) and the
 * Tableau stand-in's own (TableauCode, which it answers with) are written apart, each from Tableau's table; here they
 * are held side by side, so a disagreement between the product's model and the stand-in's is seen rather than shared.
 */
class StandInAgreesWithTheProductsCatalogueTest {
    @Test
    void everyCodeTheProductExplains_isOneTheStandInKnows_underTheSameName() {
        for (var product : TableauErrorCode.values()) {
            var standIn = Arrays.stream(TableauCode.values()).filter(c -> c.code() == product.code()).findFirst();
            assertThat(standIn).as("the stand-in knows " + product.code()).isPresent();
            assertThat(standIn.get().tableauName()).as(product.code() + "'s name").isEqualTo(product.tableauName());
        }
    }

    @Test
    void everyCodeTheStandInAnswers_isOneTheProductExplains() {
        for (var standIn : TableauCode.values()) {
            assertThat(TableauErrorCode.fromCode(standIn.code())).as("the product explains " + standIn.code()).isPresent();
        }
    }
}
