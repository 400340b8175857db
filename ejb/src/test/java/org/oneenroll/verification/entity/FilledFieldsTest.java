package org.oneenroll.verification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oneenroll.platform.control.Messages;

/** The 25 fields a parent no longer types: typed values, absent when no record filled them, labelled in both languages. */
class FilledFieldsTest {

    @Test
    void thereAreTwentyFiveFieldsEachWithASourceAndALabelInBothLanguages() {
        assertEquals(25, FilledField.values().length);
        for (FilledField f : FilledField.values()) {
            assertFalse(f.sources().isEmpty(), f::name);
            for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                String label = Messages.format(locale, f.label().key());
                assertFalse(label.startsWith("verification."), () -> f + " in " + locale);
            }
        }
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedAndAbsentFieldsStayAbsent() {
        Map<FilledField, Object> values = new EnumMap<>(FilledField.class);
        values.put(FilledField.BIRTH_DATE, "2019-10-22");
        assertThrows(IllegalArgumentException.class, () -> new FilledFields(values));

        values.put(FilledField.BIRTH_DATE, LocalDate.of(2019, 10, 22));
        values.put(FilledField.PHOTO, null);
        FilledFields cut = new FilledFields(values);
        assertEquals(LocalDate.of(2019, 10, 22), cut.birthDate().orElseThrow());
        assertTrue(cut.photo().isEmpty());
        assertEquals(1, cut.count());
    }
}
