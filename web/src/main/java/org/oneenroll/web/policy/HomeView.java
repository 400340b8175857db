package org.oneenroll.web.policy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.oneenroll.identity.entity.RegionCode;
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
        private final WindowNotice notice;

        Row(PlanSummary plan, Dates dates) {
            this.plan = plan;
            this.notice = WindowNotice.of(plan.window(), dates);
            this.window = dates.range(plan.onlineOpens(), plan.onlineCloses());
            this.resultsOn = dates.day(plan.resultsOn());
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

        /** When applications open or closed, for the off-season include. */
        public WindowNotice getNotice() {
            return notice;
        }

        public List<String> getCategories() {
            return plan.categoryOrder().stream().map(Enum::name).toList();
        }
    }

    @PostConstruct
    void init() {
        List<PlanSummary> published = plans.published(RegionCode.of(settings.homeRegion()));
        Dates dates = Dates.of(FacesContext.getCurrentInstance());
        rows = published.stream().map(p -> new Row(p, dates)).toList();
        countyName = published.isEmpty() ? null : published.get(0).countyName();
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getCountyName() {
        return countyName;
    }
}
