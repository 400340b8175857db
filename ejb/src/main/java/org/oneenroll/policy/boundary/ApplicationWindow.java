package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.policy.entity.WindowState;

/**
 * A published plan's online application window as application pages need it: the dates and whether it is open
 * now, judged by the server's clock (the off-season notice of seed 004 is built from it).
 */
public record ApplicationWindow(
        String countyCode, int year, Stage stage, Instant opens, Instant closes, LocalDate resultsOn, WindowState state)
        implements Serializable {

    static ApplicationWindow of(EnrollmentPlan plan, Instant now) {
        return new ApplicationWindow(
                plan.county().value(),
                plan.year(),
                plan.stage(),
                plan.onlineOpens(),
                plan.onlineCloses(),
                plan.resultsOn(),
                plan.windowStateAt(now));
    }

    /** Applications are taken now. */
    public boolean open() {
        return state == WindowState.OPEN;
    }
}
