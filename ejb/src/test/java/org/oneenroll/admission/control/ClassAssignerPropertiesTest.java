package org.oneenroll.admission.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.oneenroll.admission.entity.ClassAssignment;
import org.oneenroll.admission.entity.ClassAssignmentInput;
import org.oneenroll.admission.entity.Pupil;
import org.oneenroll.identity.entity.Sex;

/** Class assignment on random schools: even sizes and sexes always, one more attribute evened out too. */
class ClassAssignerPropertiesTest {

    final ClassAssigner cut = new ClassAssigner();

    static ClassAssignmentInput school(long instance, int classes, int attributes, int maxPupils) {
        Random random = new Random(instance);
        int n = random.nextInt(maxPupils + 1);
        List<String> names = new ArrayList<>();
        for (int a = 0; a < attributes; a++) {
            names.add("attribute" + a);
        }
        int boyShare = 1 + random.nextInt(4);
        List<Pupil> pupils = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> values = new ArrayList<>();
            for (int a = 0; a < attributes; a++) {
                values.add("v" + random.nextInt(2 + a));
            }
            pupils.add(new Pupil("C" + i, random.nextInt(5) < boyShare ? Sex.MALE : Sex.FEMALE, values));
        }
        return ClassAssignmentInput.of("S1", classes, names, pupils);
    }

    @Property(tries = 200)
    void classSizesAndSexCountsDifferByAtMostOne(
            @ForAll long instance,
            @ForAll @IntRange(min = 1, max = 8) int classes,
            @ForAll @IntRange(min = 0, max = 3) int attributes,
            @ForAll long seedBits) {
        ClassAssignmentInput input = school(instance, classes, attributes, 120);
        ClassAssignment result = cut.assign(input, AdmissionEnginePropertiesTest.seed(seedBits));

        assertTrue(spread(classes, result::size) <= 1);
        for (Sex sex : Sex.values()) {
            assertTrue(spread(classes, c -> result.count(c, sex)) <= 1, sex.name());
        }
    }

    @Property(tries = 200)
    void withOneAttributeBesidesSexItsCountsDifferByAtMostOneToo(
            @ForAll long instance, @ForAll @IntRange(min = 1, max = 8) int classes, @ForAll long seedBits) {
        ClassAssignmentInput input = school(instance, classes, 1, 80);
        ClassAssignment result = cut.assign(input, AdmissionEnginePropertiesTest.seed(seedBits));

        for (String value : List.of("v0", "v1")) {
            assertTrue(spread(classes, c -> result.count(c, 0, value)) <= 1, value);
        }
    }

    @Property(tries = 100)
    void theSameSeedGivesTheSameBytes(
            @ForAll long instance, @ForAll @IntRange(min = 1, max = 6) int classes, @ForAll long seedBits) {
        ClassAssignmentInput input = school(instance, classes, 2, 60);

        assertArrayEquals(
                cut.assign(input, AdmissionEnginePropertiesTest.seed(seedBits)).canonicalBytes(),
                ReplayDraw.replay(input.canonicalBytes(), AdmissionEnginePropertiesTest.seed(seedBits)));
    }

    private static int spread(int classes, IntUnaryOperator count) {
        int most = Integer.MIN_VALUE;
        int least = Integer.MAX_VALUE;
        for (int c = 1; c <= classes; c++) {
            most = Math.max(most, count.applyAsInt(c));
            least = Math.min(least, count.applyAsInt(c));
        }
        return most - least;
    }
}
