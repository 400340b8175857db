package org.oneenroll.simulator.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** GB 11643 numbers for any date and sequence: valid, readable back, and single-digit errors caught. */
class IdentityNumberPropertiesTest {

    @Property(tries = 300)
    void everyBuiltNumberIsValidAndAnySingleDigitChangeIsCaught(
            @ForAll @IntRange(min = 0, max = 40000) int day,
            @ForAll @IntRange(min = 1, max = 999) int sequence,
            @ForAll @IntRange(min = 0, max = 16) int position,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        LocalDate birth = LocalDate.of(1920, 1, 1).plusDays(day);
        String id = IdentityNumbers.build("620123", birth, sequence);
        assertTrue(IdentityNumbers.isValid(id));
        assertEquals(birth, IdentityNumbers.birthDate(id));
        assertEquals(sequence % 2 == 1 ? Sex.MALE : Sex.FEMALE, IdentityNumbers.sex(id));
        char[] c = id.toCharArray();
        c[position] = (char) ('0' + (c[position] - '0' + delta) % 10);
        assertFalse(IdentityNumbers.checkCharacter(new String(c)) == c[17]);
    }
}
