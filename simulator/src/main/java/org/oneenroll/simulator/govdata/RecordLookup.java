package org.oneenroll.simulator.govdata;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.oneenroll.simulator.population.Adult;
import org.oneenroll.simulator.population.Child;
import org.oneenroll.simulator.population.Family;
import org.oneenroll.simulator.population.IdentityNumbers;
import org.oneenroll.simulator.population.Person;
import org.oneenroll.simulator.population.PopulationGenerator;

/**
 * Answers "what does this source hold about this identity number" by regenerating the one family that holds the
 * number: the population is never kept in memory, so a million families cost nothing until asked about.
 */
public final class RecordLookup {

    private final PopulationGenerator generator;
    private final long families;

    /** Looks among families {@code 0..families-1}, the same ones {@code population} writes. */
    public RecordLookup(PopulationGenerator generator, long families) {
        if (families < 0) {
            throw new IllegalArgumentException("families " + families);
        }
        this.generator = generator;
        this.families = families;
    }

    public PopulationGenerator generator() {
        return generator;
    }

    public long families() {
        return families;
    }

    /** The identity number as the registries store it: trimmed, check character {@code X} upper-case. */
    public static String normalise(String idNumber) {
        return idNumber == null ? null : idNumber.trim().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String idNumber) {
        return idNumber != null && IdentityNumbers.isValid(normalise(idNumber));
    }

    /** The source's rows about this person, in wire field order; empty when the source has no record. */
    public List<Map<String, Object>> find(Source source, String idNumber) {
        String id = normalise(idNumber);
        OptionalLong index = generator.locate(id, families);
        if (index.isEmpty()) {
            return List.of();
        }
        Family family = generator.family(index.getAsLong());
        return source.answer(family, new Source.Subject(id, member(family, id)), generator.asOf());
    }

    private static Optional<Person> member(Family family, String id) {
        for (Adult a : family.adults()) {
            if (a.person().idNumber().equals(id)) {
                return Optional.of(a.person());
            }
        }
        for (Child c : family.children()) {
            if (c.person().idNumber().equals(id)) {
                return Optional.of(c.person());
            }
        }
        return Optional.empty();
    }
}
