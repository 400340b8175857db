package org.oneenroll.simulator.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Generated credit codes for any seed: valid, typed and located, and every single-character change caught. */
class CreditCodePropertiesTest {

    @Property(tries = 300)
    void generatedCodesAreValidAndCarryTypeAndRegion(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 16) int position) {
        SplittableRandom r = new SplittableRandom(seed);
        String individual = CreditCodes.individualBusiness("620123", r);
        String enterprise = CreditCodes.enterprise("620123", r);
        assertTrue(CreditCodes.isValid(individual), individual);
        assertTrue(CreditCodes.isValid(enterprise), enterprise);
        assertEquals("92620123", individual.substring(0, 8));
        assertEquals("91620123", enterprise.substring(0, 8));
        char[] c = enterprise.toCharArray();
        int v = CreditCodes.CHARSET.indexOf(c[position]);
        c[position] = CreditCodes.CHARSET.charAt((v + 1) % CreditCodes.CHARSET.length());
        assertFalse(CreditCodes.isValid(new String(c)));
    }
}
