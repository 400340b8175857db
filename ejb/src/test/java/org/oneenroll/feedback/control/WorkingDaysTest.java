package org.oneenroll.feedback.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Due dates in working days: weekends off, published holidays off, the weekend days worked in their place on. */
class WorkingDaysTest {

    WorkingDays cut = new WorkingDays(Set.of(), Set.of());

    @Test
    void fiveWorkingDaysFromAMondayIsTheNextMonday() {
        assertEquals(LocalDate.of(2026, 7, 13), cut.after(LocalDate.of(2026, 7, 6), 5));
    }

    @Test
    void anItemReceivedOnASaturdayCountsFromMonday() {
        assertEquals(LocalDate.of(2026, 7, 10), cut.after(LocalDate.of(2026, 7, 4), 5));
        assertEquals(LocalDate.of(2026, 7, 4), cut.after(LocalDate.of(2026, 7, 4), 0));
    }

    @Test
    void holidaysAndWorkedWeekendDaysFromTheSettingsCount() {
        // National Day 2026: 1–7 October off, Saturday 10 October worked in their place (an example calendar).
        Set<LocalDate> holidays = Set.of(
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 2),
                LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 10, 6),
                LocalDate.of(2026, 10, 7));
        WorkingDays china = new WorkingDays(holidays, Set.of(LocalDate.of(2026, 10, 10)));
        assertFalse(china.isWorkingDay(LocalDate.of(2026, 10, 5)));
        assertTrue(china.isWorkingDay(LocalDate.of(2026, 10, 10)));
        // Received Wednesday 30 September: Thu 8, Fri 9, Sat 10 (worked), Mon 12, Tue 13.
        assertEquals(LocalDate.of(2026, 10, 13), china.after(LocalDate.of(2026, 9, 30), 5));
    }
}
