package org.oneenroll.admission.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oneenroll.admission.Applicants.SEED;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneenroll.admission.Applicants;
import org.oneenroll.admission.entity.ClassAssignment;
import org.oneenroll.admission.entity.ClassAssignmentInput;
import org.oneenroll.admission.entity.Pupil;
import org.oneenroll.identity.entity.Sex;
import org.oneenroll.platform.entity.InvalidValueException;

/** Fair class assignment of one school's first-graders, as the school would check it. */
class ClassAssignerTest {

    final ClassAssigner cut = new ClassAssigner();

    /** 45 first-graders of 东关小学: 23 boys, 22 girls; 12 of them left-behind children (留守儿童). */
    static ClassAssignmentInput firstGraders() {
        List<Pupil> pupils = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            pupils.add(new Pupil(
                    String.format("620123-2026-X-%06d", i),
                    i < 23 ? Sex.MALE : Sex.FEMALE,
                    List.of(i % 4 == 0 ? "left-behind" : "with-parents")));
        }
        return ClassAssignmentInput.of("DG01", 3, List.of("care"), pupils);
    }

    @Test
    void threeClassesOfFifteenWithBoysGirlsAndLeftBehindChildrenSpreadEvenly() {
        ClassAssignment result = cut.assign(firstGraders(), SEED);

        for (int c = 1; c <= 3; c++) {
            assertEquals(15, result.size(c));
            assertTrue(result.count(c, Sex.MALE) == 7 || result.count(c, Sex.MALE) == 8);
            assertEquals(4, result.count(c, 0, "left-behind"));
        }
    }

    @Test
    void anotherSeedGivesOtherClassesAndTheSameSeedTheSameBytes() {
        ClassAssignment result = cut.assign(firstGraders(), SEED);

        assertArrayEquals(
                result.canonicalBytes(), cut.assign(firstGraders(), SEED).canonicalBytes());
        assertNotEquals(
                result.classes(), cut.assign(firstGraders(), Applicants.seed(1)).classes());
    }

    @Test
    void thePublishedClassInputReplaysToTheSameClasses() {
        ClassAssignment result = cut.assign(firstGraders(), SEED);

        ClassAssignmentInput read = ClassAssignmentInput.parse(
                new ByteArrayInputStream(firstGraders().canonicalBytes()));

        assertEquals(firstGraders().sha256(), read.sha256());
        assertArrayEquals(
                result.canonicalBytes(), ReplayDraw.replay(firstGraders().canonicalBytes(), SEED));
    }

    @Test
    void aChildWithoutTheSchoolsAttributeIsRefused() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> ClassAssignmentInput.of(
                        "DG01", 2, List.of("care"), List.of(new Pupil("C1", Sex.MALE, List.of()))));

        assertEquals("儿童“C1”应有1个分班属性，实际为0个", e.getMessage());
    }
}
