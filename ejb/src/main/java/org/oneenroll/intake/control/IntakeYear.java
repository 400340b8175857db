package org.oneenroll.intake.control;

import java.time.Instant;
import java.util.Collection;
import org.oneenroll.policy.boundary.PlanSummary;

/**
 * Which year's intake a new application belongs to: the earliest year with a published plan whose online window has
 * not closed yet. A county that publishes next year's plan while this year's window still runs keeps taking this
 * year's applications; once every window has closed, the newest plan's year (its off-season notice says when it
 * opens); with no published plan at all, the calendar year.
 */
public final class IntakeYear {

    private IntakeYear() {}

    public static int of(Collection<PlanSummary> published, Instant now, int calendarYear) {
        return published.stream()
                .filter(p -> p.onlineCloses() == null || p.onlineCloses().isAfter(now))
                .mapToInt(PlanSummary::year)
                .min()
                .orElseGet(() ->
                        published.stream().mapToInt(PlanSummary::year).max().orElse(calendarYear));
    }
}
