package org.oneenroll.web.policy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.ResourceBundle;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.RegionLevel;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.PlanDetail;
import org.oneenroll.policy.boundary.Plans;

/**
 * The public plan page: each stage's window, schools with seats and zones (and what the zones cover), category order,
 * points, choice and lottery rules, which revision is published since when, and every correction with what it changed.
 * The installation's county by default, another with {@code ?county=} (the provincial portal links each county's).
 * Request-scoped and transient like the home page: no session for a parent reading it.
 */
@Named
@RequestScoped
public class PlanView {

    @Inject
    Plans plans;

    @Inject
    Settings settings;

    private List<StagePlan> stages = List.of();
    private String countyName;
    private String year;

    /** One stage of the plan, with the dates and coverage already written out for the page. */
    public static final class StagePlan {
        private final PlanDetail detail;
        private final WindowNotice notice;
        private final String online;
        private final String resultsOn;
        private final String termStarts;
        private final List<SchoolRow> schools;
        private final String publishedAt;
        private final String counter;
        private final String reviewEnds;
        private final List<CorrectionText> corrections;
        private final String choiceSchools;

        StagePlan(PlanDetail detail, Dates dates, ResourceBundle ui) {
            this.detail = detail;
            this.notice = WindowNotice.of(detail.window(), dates);
            this.online = dates.range(detail.window().opens(), detail.window().closes());
            this.resultsOn = dates.day(detail.window().resultsOn());
            this.termStarts = dates.day(detail.termStarts());
            this.schools =
                    detail.schools().stream().map(s -> new SchoolRow(s, ui)).toList();
            this.publishedAt = dates.moment(detail.publishedAt());
            this.counter = detail.counterOpens() == null
                    ? null
                    : dates.dayRange(detail.counterOpens(), detail.counterCloses());
            this.reviewEnds = dates.day(detail.reviewEnds());
            this.choiceSchools = String.join(ui.getString("plan.coverage.separator"), detail.choiceSchools());
            List<CorrectionText> latestFirst = new java.util.ArrayList<>(detail.corrections().stream()
                    .map(c -> new CorrectionText(c, dates))
                    .toList());
            java.util.Collections.reverse(latestFirst);
            this.corrections = List.copyOf(latestFirst);
        }

        public String getPublishedAt() {
            return publishedAt;
        }

        /** The counter (帮办) days, or null on a plan published before the plan said them. */
        public String getCounter() {
            return counter;
        }

        /** The schools that take choices, as one line. */
        public String getChoiceSchools() {
            return choiceSchools;
        }

        public String getReviewEnds() {
            return reviewEnds;
        }

        /** The corrections, latest first. */
        public List<CorrectionText> getCorrections() {
            return corrections;
        }

        public PlanDetail getDetail() {
            return detail;
        }

        public String getStage() {
            return detail.stage().name();
        }

        public WindowNotice getNotice() {
            return notice;
        }

        public String getOnline() {
            return online;
        }

        public String getResultsOn() {
            return resultsOn;
        }

        public String getTermStarts() {
            return termStarts;
        }

        public List<SchoolRow> getSchools() {
            return schools;
        }
    }

    /** A correction as the page lists it: its revision, when, why and what changed. */
    public static final class CorrectionText {
        private final PlanDetail.Correction correction;
        private final String publishedAt;

        CorrectionText(PlanDetail.Correction correction, Dates dates) {
            this.correction = correction;
            this.publishedAt = dates.moment(correction.publishedAt());
        }

        public PlanDetail.Correction getCorrection() {
            return correction;
        }

        public String getPublishedAt() {
            return publishedAt;
        }
    }

    /** A school's row: the school and, per zone it serves, the zone's name and its coverage lines. */
    public static final class SchoolRow {
        private final PlanDetail.SchoolSeats school;
        private final List<ZoneText> zones;

        SchoolRow(PlanDetail.SchoolSeats school, ResourceBundle ui) {
            this.school = school;
            this.zones = school.zones().stream()
                    .map(z -> new ZoneText(z.name(), CoverageText.lines(z.towns(), ui)))
                    .toList();
        }

        public PlanDetail.SchoolSeats getSchool() {
            return school;
        }

        public List<ZoneText> getZones() {
            return zones;
        }
    }

    /** A zone's name and one line per town it covers. */
    public static final class ZoneText {
        private final String name;
        private final List<String> lines;

        ZoneText(String name, List<String> lines) {
            this.name = name;
            this.lines = lines;
        }

        public String getName() {
            return name;
        }

        public List<String> getLines() {
            return lines;
        }
    }

    @PostConstruct
    void init() {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle ui = context.getApplication().getResourceBundle(context, "ui");
        Dates dates = new Dates(ui);
        List<PlanDetail> details = plans.details(county(context));
        stages = details.stream().map(d -> new StagePlan(d, dates, ui)).toList();
        countyName = details.isEmpty() ? null : details.get(0).countyName();
        year = details.isEmpty() ? null : String.valueOf(details.get(0).year());
    }

    /** The county asked for by {@code ?county=}, if it is a county code; else the installation's. */
    private RegionCode county(FacesContext context) {
        String asked = context.getExternalContext().getRequestParameterMap().get("county");
        if (asked != null && !asked.isBlank()) {
            try {
                RegionCode county = RegionCode.of(asked);
                if (county.level() == RegionLevel.COUNTY) {
                    return county;
                }
            } catch (InvalidValueException e) {
                // Not a region code: the installation's county, as without the parameter.
            }
        }
        return RegionCode.of(settings.homeRegion());
    }

    public List<StagePlan> getStages() {
        return stages;
    }

    public String getCountyName() {
        return countyName;
    }

    public String getYear() {
        return year;
    }
}
