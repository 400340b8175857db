package org.oneenroll.web.policy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.policy.boundary.PlanSummary;
import org.oneenroll.policy.boundary.Plans;

/**
 * The public home page: the county's published plan for the year. Request-scoped and rendered as a
 * transient view, so a parent's visit creates no session (the page is the busiest one in July).
 */
@Named
@RequestScoped
public class HomeView {

    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(Clocks.SHANGHAI);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Inject
    Plans plans;

    @Inject
    Settings settings;

    private List<Row> rows = List.of();
    private String countyName;

    /** One stage of the published plan, formatted for the page (a bean: Faces 4.0's EL cannot read records). */
    public static final class Row {
        private final PlanSummary plan;
        private final String window;
        private final String resultsOn;

        Row(PlanSummary plan) {
            this.plan = plan;
            this.window = MOMENT.format(plan.onlineOpens()) + " 至 " + MOMENT.format(plan.onlineCloses());
            this.resultsOn = plan.resultsOn() == null ? "" : DAY.format(plan.resultsOn());
        }

        public int getYear() {
            return plan.year();
        }

        public String getStage() {
            return plan.stage().name();
        }

        public String getWindow() {
            return window;
        }

        public String getResultsOn() {
            return resultsOn;
        }

        public int getSchools() {
            return plan.schools();
        }

        public int getZones() {
            return plan.zones();
        }

        public int getSeats() {
            return plan.seats();
        }

        public boolean isWindowOpen() {
            return plan.windowOpen();
        }

        public List<String> getCategories() {
            return plan.categoryOrder().stream().map(Enum::name).toList();
        }
    }

    @PostConstruct
    void init() {
        List<PlanSummary> published = plans.published(RegionCode.of(settings.homeRegion()));
        rows = published.stream().map(Row::new).toList();
        countyName = published.isEmpty() ? null : published.get(0).countyName();
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getCountyName() {
        return countyName;
    }
}
