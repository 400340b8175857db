package org.oneenroll.verification.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Names compare by code points after NFC: rare characters beyond the BMP are never split, folded or confused. */
class RecordValuesPropertiesTest {

    @Provide
    Arbitrary<String> names() {
        Arbitrary<Integer> common = Arbitraries.integers().between(0x4E00, 0x9FA5);
        Arbitrary<Integer> rare = Arbitraries.integers().between(0x20000, 0x2A6DF);
        Arbitrary<Integer> codePoint =
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, common), net.jqwik.api.Tuple.of(1, rare));
        return codePoint.list().ofMinSize(2).ofMaxSize(4).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    @Property
    void aNameIsItsOwnNameInAnyNormalisationAndWithSurroundingSpace(@ForAll("names") String name) {
        assertTrue(RecordValues.sameName(name, name));
        assertTrue(RecordValues.sameName(" " + Normalizer.normalize(name, Normalizer.Form.NFD) + "\u3000", name));
    }

    @Property
    void changingOneCodePointMakesAnotherName(@ForAll("names") String name, @ForAll("names") String other) {
        int[] cps = name.codePoints().toArray();
        int replacement = other.codePointAt(0);
        if (replacement == cps[cps.length - 1]) {
            return;
        }
        cps[cps.length - 1] = replacement;
        String changed = new String(cps, 0, cps.length);
        assertFalse(RecordValues.sameName(name, changed), name + " vs " + changed);
    }

    @Provide
    Arbitrary<String> surrogateHalves() {
        return Combinators.combine(names(), Arbitraries.integers().between(0x20000, 0x2A6DF))
                .as((n, cp) -> n + new String(Character.toChars(cp)));
    }

    @Property
    void aNameEndingInARareCharacterIsNotItsPrefixPlusAHalfCharacter(@ForAll("surrogateHalves") String name) {
        String cut = name.substring(0, name.length() - 1);
        assertFalse(RecordValues.sameName(name, cut));
    }
}
