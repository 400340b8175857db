package org.oneenroll.review.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.platform.entity.InvalidValueException;

/** Filters a reviewer may set, and those refused with a Chinese message. */
class QueueFilterTest {

    QueueFilter cut;

    @Test
    void noStatusMeansTheWorkingQueue() {
        cut = QueueFilter.work();
        assertEquals(
                EnumSet.of(CaseStatus.VERIFIED, CaseStatus.NEEDS_OFFLINE_CHECK, CaseStatus.UNDER_REVIEW),
                cut.statuses());
    }

    @Test
    void datesTheWrongWayRoundAreRefused() {
        var e = assertThrows(
                InvalidValueException.class,
                () -> new QueueFilter(
                        null, null, null, null, null, null, null, LocalDate.of(2027, 7, 10), LocalDate.of(2027, 7, 1)));
        assertTrue(e.getMessage().contains("早于开始日期"), e.getMessage());
    }

    @Test
    void aRangeOfMoreThan400DaysIsRefused() {
        assertThrows(
                InvalidValueException.class,
                () -> new QueueFilter(
                        null, null, null, null, null, null, null, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1)));
    }

    @Test
    void statusesOutsideReviewAreRefused() {
        var e = assertThrows(
                InvalidValueException.class, () -> QueueFilter.work().withStatuses(EnumSet.of(CaseStatus.ADMITTED)));
        assertTrue(e.getMessage().contains("已录取"), e.getMessage());
    }
}
