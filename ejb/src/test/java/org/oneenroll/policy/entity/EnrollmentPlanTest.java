package org.oneenroll.policy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.RegionCode;

class EnrollmentPlanTest {

    static final Instant OPENS = Instant.parse("2027-07-01T00:30:00Z");
    static final Instant CLOSES = Instant.parse("2027-07-31T09:00:00Z");

    final EnrollmentPlan cut = new EnrollmentPlan(
            RegionCode.of("620123"),
            2027,
            Stage.PRIMARY,
            1,
            OPENS,
            CLOSES,
            LocalDate.of(2027, 8, 10),
            LocalDate.of(2027, 9, 1),
            LotteryRule.SINGLE_NUMBER_PER_CHILD,
            List.of(FamilyCategory.HOUSE_AND_HUKOU),
            List.of(),
            List.of(new PlanSeat("YZ0001", 90)));

    @Test
    void theWindowOpensOnTheMinuteAndClosesOnTheMinute() {
        assertEquals(WindowState.NOT_YET_OPEN, cut.windowStateAt(OPENS.minusSeconds(1)));
        assertEquals(WindowState.OPEN, cut.windowStateAt(OPENS));
        assertEquals(WindowState.OPEN, cut.windowStateAt(CLOSES.minusSeconds(1)));
        assertEquals(WindowState.CLOSED, cut.windowStateAt(CLOSES));
    }

    @Test
    void openIsTheSameVerdictAsTheState() {
        assertFalse(cut.windowOpenAt(OPENS.minusSeconds(1)));
        assertTrue(cut.windowOpenAt(OPENS));
        assertFalse(cut.windowOpenAt(CLOSES));
    }
}
