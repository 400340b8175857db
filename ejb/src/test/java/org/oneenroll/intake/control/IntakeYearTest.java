package org.oneenroll.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneenroll.policy.boundary.PlanSummary;
import org.oneenroll.policy.entity.PlanStatus;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.policy.entity.WindowState;

/** The year a new application belongs to, as plans for this year and the next are published. */
class IntakeYearTest {

    static PlanSummary plan(int year, Stage stage, String closes) {
        return new PlanSummary(
                "620123",
                "榆中县",
                year,
                stage,
                1,
                PlanStatus.PUBLISHED,
                Instant.parse(year + "-07-01T00:00:00Z"),
                closes == null ? null : Instant.parse(closes),
                LocalDate.of(year, 8, 10),
                16,
                30,
                1200,
                List.of(),
                false,
                WindowState.NOT_YET_OPEN);
    }

    @Test
    void nextYearsPlanPublishedEarlyDoesNotTakeThisYearsApplications() {
        List<PlanSummary> published = List.of(
                plan(2027, Stage.PRIMARY, "2027-07-15T10:00:00Z"),
                plan(2027, Stage.JUNIOR, "2027-07-20T10:00:00Z"),
                plan(2028, Stage.PRIMARY, "2028-07-15T10:00:00Z"));
        assertEquals(2027, IntakeYear.of(published, Instant.parse("2027-07-10T00:00:00Z"), 2027));
        // the junior window still runs after the primary one closed
        assertEquals(2027, IntakeYear.of(published, Instant.parse("2027-07-18T00:00:00Z"), 2027));
        // every window of 2027 closed: applications start for 2028
        assertEquals(2028, IntakeYear.of(published, Instant.parse("2027-07-21T00:00:00Z"), 2027));
    }

    @Test
    void afterEveryWindowClosedTheNewestPlanAndWithoutPlansTheCalendarYear() {
        List<PlanSummary> published = List.of(
                plan(2026, Stage.PRIMARY, "2026-07-15T10:00:00Z"), plan(2027, Stage.PRIMARY, "2027-07-15T10:00:00Z"));
        assertEquals(2027, IntakeYear.of(published, Instant.parse("2027-09-01T00:00:00Z"), 2027));
        assertEquals(2029, IntakeYear.of(List.of(), Instant.parse("2029-03-01T00:00:00Z"), 2029));
        // a plan with no closing date yet stays open
        assertEquals(
                2027,
                IntakeYear.of(List.of(plan(2027, Stage.PRIMARY, null)), Instant.parse("2030-01-01T00:00:00Z"), 2030));
    }
}
