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

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(Clocks.SHANGHAI);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Inject
    Plans plans;

    @Inject
    Settings settings;

    private List<Row> rows = List.of();
    private String countyName;

    /** One stage of the published plan, formatted for the page. */
    public record Row(PlanSummary plan, String window, String resultsOn) {
    }

    @PostConstruct
    void init() {
        List<PlanSummary> published = plans.published(RegionCode.of(settings.homeRegion()));
        rows = published.stream().map(p -> new Row(p, MOMENT.format(p.onlineOpens()) + " 至 " + MOMENT.format(p.onlineCloses()),
                p.resultsOn() == null ? "" : DAY.format(p.resultsOn()))).toList();
        countyName = published.isEmpty() ? null : published.get(0).countyName();
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getCountyName() {
        return countyName;
    }
}
