package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.PlanStatus;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.policy.entity.WindowState;

/** What the public home page shows of one published plan: windows, schools, seats and the tier order. */
public record PlanSummary(
        String countyCode,
        String countyName,
        int year,
        Stage stage,
        int revision,
        PlanStatus status,
        Instant onlineOpens,
        Instant onlineCloses,
        LocalDate resultsOn,
        int schools,
        int zones,
        int seats,
        List<FamilyCategory> categoryOrder,
        boolean windowOpen,
        WindowState windowState)
        implements Serializable {

    /** The application window of this plan, as the off-season notice takes it. */
    public ApplicationWindow window() {
        return new ApplicationWindow(countyCode, year, stage, onlineOpens, onlineCloses, resultsOn, windowState);
    }
}
