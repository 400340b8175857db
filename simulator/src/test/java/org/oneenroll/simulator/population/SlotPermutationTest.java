package org.oneenroll.simulator.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The identity-slot permutation is a bijection that inverts, whatever its domain and key. */
class SlotPermutationTest {

    @Property(tries = 60)
    void isABijectionThatInvertsOnAnyDomain(@ForAll @IntRange(min = 1, max = 5000) int domain, @ForAll long key) {
        SlotPermutation cut = new SlotPermutation(domain, key);
        BitSet seen = new BitSet(domain);
        for (int x = 0; x < domain; x++) {
            long y = cut.apply(x);
            assertTrue(y >= 0 && y < domain);
            assertTrue(!seen.get((int) y), "two inputs map to " + y);
            seen.set((int) y);
            assertEquals(x, cut.invert(y));
        }
    }

    @Property(tries = 200)
    void invertsOnLargeDomains(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int x, @ForAll long key) {
        SlotPermutation cut = new SlotPermutation(182_135L * 7 + 3, key);
        long in = x % cut.domain();
        assertEquals(in, cut.invert(cut.apply(in)));
    }
}
