package org.oneenroll.verification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.oneenroll.verification.entity.ZoneUnits;

/** Any address printed for a unit of a zone is placed in that unit, whatever follows the compound. */
class AddressReaderPropertiesTest {

    private final AddressReader cut = new AddressReader(Fixtures.plan());
    private static final Map<String, String> TOWNS = Map.of(Fixtures.TOWN, "城关镇", Fixtures.VILLAGE_TOWN, "夏官营镇");

    @Provide
    Arbitrary<String> unitKeys() {
        List<String> keys = new ArrayList<>();
        for (ZoneUnits z : List.of(Fixtures.FIRST, Fixtures.VILLAGE)) {
            keys.addAll(z.unitKeys());
        }
        return Arbitraries.of(keys);
    }

    @Provide
    Arbitrary<String> details() {
        return Arbitraries.integers().between(1, 30).flatMap(building -> Arbitraries.integers()
                .between(101, 2602)
                .map(room -> building + "号楼" + room + "室"));
    }

    @Property
    void aPrintedAddressOfAZoneUnitIsPlacedInIt(
            @ForAll("unitKeys") String key, @ForAll("details") String detail, @ForAll boolean withProvince) {
        String[] parts = key.split("/");
        String line = (withProvince ? Fixtures.FULL : "榆中县")
                + TOWNS.get(parts[0])
                + parts[1]
                + (parts.length > 2 ? parts[2] : "")
                + detail;
        Placement p = cut.place("620123", line);
        assertEquals(Placement.Kind.IN_ZONE, p.kind(), line);
        assertEquals(key, p.unitKey(), line);
    }

    @Property
    void anAddressOfAnotherCountyIsOutsideWhateverItSays(
            @ForAll("unitKeys") String key, @ForAll("details") String detail) {
        String[] parts = key.split("/");
        Placement p = cut.place("620102", Fixtures.FULL + TOWNS.get(parts[0]) + parts[1] + detail);
        assertEquals(Placement.Kind.OUTSIDE_COUNTY, p.kind());
        assertNull(p.zone());
    }

    @Property
    void anUnknownCompoundOfAKnownCommunityIsInTheCountyButInNoZone(
            @ForAll("details") String detail, @ForAll("phases") String phase) {
        Placement p = cut.place("620123", Fixtures.FULL + "城关镇东关社区城关新区" + phase + detail);
        assertEquals(Placement.Kind.IN_COUNTY, p.kind());
        assertEquals("城关镇东关社区城关新区" + phase, p.place());
    }

    @Provide
    Arbitrary<String> phases() {
        return Arbitraries.of("一期", "二期", "三期");
    }
}
