package org.oneenroll.simulator.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** GB 11643 numbers: the standard's examples and the failures a validator must catch. */
class IdentityNumbersTest {

    @Test
    void acceptsTheStandardsWorkedExamples() {
        assertTrue(IdentityNumbers.isValid("11010519491231002X"));
        assertTrue(IdentityNumbers.isValid("440524188001010014"));
        assertEquals('X', IdentityNumbers.checkCharacter("11010519491231002"));
    }

    @Test
    void rejectsWrongCheckCharacterImpossibleDateAndBadLength() {
        assertFalse(IdentityNumbers.isValid("110105194912310021"));
        assertFalse(IdentityNumbers.isValid("110105194902300025"));
        assertFalse(IdentityNumbers.isValid("11010519491231002"));
        assertFalse(IdentityNumbers.isValid(null));
    }

    @Test
    void readsBirthDateAndSexBack() {
        String id = IdentityNumbers.build("620123", LocalDate.of(2019, 9, 1), 37);
        assertEquals(LocalDate.of(2019, 9, 1), IdentityNumbers.birthDate(id));
        assertEquals(Sex.MALE, IdentityNumbers.sex(id));
        assertEquals("62012320190901037", id.substring(0, 17));
    }
}
