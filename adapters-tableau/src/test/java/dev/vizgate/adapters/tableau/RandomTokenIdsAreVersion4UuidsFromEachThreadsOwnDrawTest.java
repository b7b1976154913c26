package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.testing.Race;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The jti's form and spread, across draws and across threads that each draw on their own. */
class RandomTokenIdsAreVersion4UuidsFromEachThreadsOwnDrawTest {
    @Test
    void givenManyDraws_next_isACanonicalVersion4UuidOfTheRfc4122Variant() {
        var ids = new RandomTokenIds();
        for (int i = 0; i < RandomTokenIds.IDS_PER_DRAW * 5 + 3; i++) { // past several refills
            var text = ids.next().value();
            var uuid = UUID.fromString(text);
            assertThat(uuid.toString()).isEqualTo(text);
            assertThat(text).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
        }
    }

    @Test
    void givenEightThreads_drawingAtOnce_noIdRepeatsAcrossThem() throws Exception {
        var drawn = Race.run(8, () -> {
            var mine = new ArrayList<UUID>();
            for (int i = 0; i < 5_000; i++) {
                mine.add(RandomTokenIds.nextUuid());
            }
            return mine;
        }).stream().flatMap(List::stream).toList();
        assertThat(drawn).hasSize(40_000);
        assertThat(new HashSet<>(drawn)).as("no id repeats").hasSize(40_000);
    }

    @Test
    void givenManyIds_everyRandomBitTakesBothValues() {
        // A bit stuck at 0 or 1 (a mask slip in the version or variant bits) shows at once over 2,000 ids.
        long anyMsb = 0, allMsb = -1, anyLsb = 0, allLsb = -1;
        var ids = new RandomTokenIds();
        List<UUID> drawn = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            drawn.add(UUID.fromString(ids.next().value()));
        }
        for (var u : drawn) {
            anyMsb |= u.getMostSignificantBits();
            allMsb &= u.getMostSignificantBits();
            anyLsb |= u.getLeastSignificantBits();
            allLsb &= u.getLeastSignificantBits();
        }
        assertThat(anyMsb).isEqualTo(-1L ^ 0xB000L); // every bit seen set but the version's three zeros
        assertThat(allMsb).isEqualTo(0x4000L); // no bit always set but the version's one
        assertThat(anyLsb).isEqualTo(-1L ^ 0x4000_0000_0000_0000L); // the variant's 0 bit never set
        assertThat(allLsb).isEqualTo(0x8000_0000_0000_0000L);
        assertThat(new HashSet<>(drawn)).hasSize(drawn.size());
    }
}
