package org.oneenroll.simulator.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Any family anywhere in a large population is regenerated identically and consistently. */
class PopulationPropertiesTest {

    private static final int YEAR = 2026;

    private final PopulationGenerator cut = new PopulationGenerator(
            new CountyLayoutGenerator().generate("620123", 2026, 16, 30),
            RegionCatalog.load(),
            7,
            YEAR,
            DefectRates.defaults());

    @Property(tries = 200)
    void anyFamilyAnywhereInAHugePopulationIsConsistent(@ForAll @LongRange(min = 0, max = 5_000_000) long index) {
        Family f = cut.family(index);
        assertEquals(index, f.index());
        LocalDate cutoff = LocalDate.of(YEAR, 8, 31);
        Predicate<Person> valid = p -> IdentityNumbers.isValid(p.idNumber())
                && IdentityNumbers.birthDate(p.idNumber()).equals(p.birthDate());
        assertTrue(people(f).stream().allMatch(valid));
        f.applicant(Stage.PRIMARY)
                .ifPresent(c -> assertEquals(
                        6,
                        java.time.Period.between(c.person().birthDate(), cutoff).getYears()));
        assertEquals(f, cut.family(index));
    }

    private static List<Person> people(Family f) {
        List<Person> out = new ArrayList<>();
        f.adults().forEach(a -> out.add(a.person()));
        f.children().forEach(c -> out.add(c.person()));
        return out;
    }
}
