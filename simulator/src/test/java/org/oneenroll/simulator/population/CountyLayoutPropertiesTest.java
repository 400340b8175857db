package org.oneenroll.simulator.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.oneenroll.simulator.population.CountyLayout.School;
import org.oneenroll.simulator.population.CountyLayout.Zone;

/** For any seed and size, zones partition the county and every public school serves one. */
class CountyLayoutPropertiesTest {

    private final CountyLayoutGenerator cut = new CountyLayoutGenerator();

    @Property(tries = 25)
    void zonesPartitionTheCountyForAnySeedAndSize(
            @ForAll long seed,
            @ForAll @IntRange(min = 10, max = 40) int schools,
            @ForAll @IntRange(min = 20, max = 60) int zones) {
        CountyLayout layout = cut.generate("620123", seed, schools, zones);
        assertEquals(schools, layout.schools().size());
        assertEquals(zones, layout.zones().size());
        assertPartition(layout);
        for (School s : layout.schools()) {
            if (s.ownership() == Ownership.PUBLIC) {
                for (Stage stage : s.stages()) {
                    assertTrue(
                            layout.zones(stage).stream()
                                    .anyMatch(z -> z.schoolCodes().contains(s.code())),
                            s.name());
                }
            }
        }
    }

    private static void assertPartition(CountyLayout layout) {
        Set<String> units = new HashSet<>();
        layout.addressUnits().forEach(u -> units.add(u.code()));
        for (Stage stage : Stage.values()) {
            Map<String, Integer> count = new HashMap<>();
            for (Zone z : layout.zones(stage)) {
                assertFalse(z.unitCodes().isEmpty(), z.code());
                assertFalse(z.schoolCodes().isEmpty(), z.code());
                z.unitCodes().forEach(u -> count.merge(u, 1, Integer::sum));
            }
            assertEquals(units, count.keySet(), stage + " covers every unit");
            assertTrue(count.values().stream().allMatch(n -> n == 1), stage + " zones overlap");
        }
    }
}
