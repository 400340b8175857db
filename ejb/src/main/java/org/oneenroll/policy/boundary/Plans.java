package org.oneenroll.policy.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.policy.control.Coverage;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.PlanStatus;
import org.oneenroll.policy.entity.School;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.policy.entity.WindowState;

/**
 * Enrollment plans: drafting, publishing, and what the public pages show of what a county has published (summary,
 * details, application windows).
 */
@Stateless
public class Plans {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Regions regions;

    @Inject
    Zones zones;

    @Inject
    Schools schools;

    public EnrollmentPlan draft(EnrollmentPlan plan) {
        regions.require(plan.county());
        em.persist(plan);
        return plan;
    }

    public EnrollmentPlan publish(long planId) {
        EnrollmentPlan plan = em.find(EnrollmentPlan.class, planId);
        plan.publish(clock.instant());
        return plan;
    }

    /** The latest published revision of the county's plan for the year and stage, if there is one. */
    public Optional<EnrollmentPlan> publishedFor(RegionCode county, int year, Stage stage) {
        return em.createNamedQuery(EnrollmentPlan.BY_COUNTY_YEAR, EnrollmentPlan.class)
                .setParameter("county", county)
                .setParameter("year", year)
                .getResultStream()
                .filter(p -> p.stage() == stage && p.status() == PlanStatus.PUBLISHED)
                .findFirst();
    }

    /** The latest published revision of each stage of the county's most recent plan year, primary first. */
    public List<PlanSummary> published(RegionCode county) {
        Collection<EnrollmentPlan> latest = latestPublished(county);
        String countyName = regions.fullName(county);
        Map<Stage, Long> zoneCounts = zones.countByStage(county);
        Instant now = clock.instant();
        List<PlanSummary> result = new ArrayList<>();
        for (EnrollmentPlan p : latest) {
            int zoneCount = zoneCounts.getOrDefault(p.stage(), 0L).intValue();
            WindowState state = p.windowStateAt(now);
            result.add(new PlanSummary(
                    county.value(),
                    countyName,
                    p.year(),
                    p.stage(),
                    p.revision(),
                    p.status(),
                    p.onlineOpens(),
                    p.onlineCloses(),
                    p.resultsOn(),
                    p.seats().size(),
                    zoneCount,
                    p.totalSeats(),
                    p.categoryOrder(),
                    state == WindowState.OPEN,
                    state));
        }
        return result;
    }

    /**
     * The application window of the county's latest published plan for the stage, judged now; empty while nothing is
     * published. Application pages ask this to decide between their form and the off-season notice.
     */
    public Optional<ApplicationWindow> window(RegionCode county, Stage stage) {
        return em.createNamedQuery(EnrollmentPlan.LATEST_PUBLISHED, EnrollmentPlan.class)
                .setParameter("county", county)
                .getResultStream()
                .filter(p -> p.stage() == stage)
                .findFirst()
                .map(p -> ApplicationWindow.of(p, clock.instant()));
    }

    /**
     * Everything the public plan page shows of each stage of the county's most recent published plan year: schools
     * with seats and zones (with the address units they cover), categories, points and the lottery rule.
     */
    public List<PlanDetail> details(RegionCode county) {
        Collection<EnrollmentPlan> latest = latestPublished(county);
        if (latest.isEmpty()) {
            return List.of();
        }
        String countyName = regions.fullName(county);
        Map<String, String> townNames = new HashMap<>();
        regions.children(county.value()).forEach(t -> townNames.put(t.code(), t.name()));
        Map<String, School> byCode = new HashMap<>();
        schools.ofCounty(county).forEach(s -> byCode.put(s.code(), s));
        List<CatchmentZone> countyZones = zones.ofCounty(county);
        Instant now = clock.instant();
        List<PlanDetail> result = new ArrayList<>();
        for (EnrollmentPlan plan : latest) {
            List<PlanDetail.SchoolSeats> rows = new ArrayList<>();
            for (PlanSeat seat : plan.seats()) {
                School school = byCode.get(seat.schoolCode());
                List<PlanDetail.ZoneArea> served = countyZones.stream()
                        .filter(z -> z.stage() == plan.stage()
                                && z.schools().stream().anyMatch(s -> s.code().equals(seat.schoolCode())))
                        .map(z -> new PlanDetail.ZoneArea(z.code(), z.name(), Coverage.of(z.unitKeys(), townNames)))
                        .toList();
                rows.add(
                        school == null
                                ? new PlanDetail.SchoolSeats(
                                        seat.schoolCode(), seat.schoolCode(), null, "", "", seat.seats(), served)
                                : new PlanDetail.SchoolSeats(
                                        school.code(),
                                        school.name(),
                                        school.ownership(),
                                        addressOf(school, townNames),
                                        school.phone() == null ? "" : school.phone(),
                                        seat.seats(),
                                        served));
            }
            rows.sort(Comparator.comparing((PlanDetail.SchoolSeats r) -> !r.publicSchool())
                    .thenComparing(PlanDetail.SchoolSeats::code));
            List<String> choosable = plan.maxChoices() == 0
                    ? List.of()
                    : plan.seats().stream()
                            .filter(seat -> seat.seats() > 0)
                            .map(seat -> byCode.get(seat.schoolCode()))
                            .filter(s -> s != null
                                    && plan.acceptsChoices(s.code(), s.ownership() == SchoolOwnership.PRIVATE))
                            .sorted(Comparator.comparing(School::code))
                            .map(School::name)
                            .toList();
            result.add(new PlanDetail(
                    countyName,
                    plan.year(),
                    plan.stage(),
                    plan.revision(),
                    ApplicationWindow.of(plan, now),
                    plan.termStarts(),
                    plan.lotteryRule(),
                    plan.categoryOrder(),
                    plan.pointsScheme().stream()
                            .map(i -> new PlanDetail.Points(i.label(), i.points()))
                            .toList(),
                    List.copyOf(rows),
                    plan.totalSeats(),
                    plan.publishedAt(),
                    plan.counterOpens(),
                    plan.counterCloses(),
                    plan.reviewEnds(),
                    plan.maxChoices(),
                    choosable,
                    corrections(plan)));
        }
        return result;
    }

    /** The published corrections of a plan up to its revision, oldest first. */
    private List<PlanDetail.Correction> corrections(EnrollmentPlan plan) {
        return em.createNamedQuery(EnrollmentPlan.BY_COUNTY_YEAR, EnrollmentPlan.class)
                .setParameter("county", plan.county())
                .setParameter("year", plan.year())
                .getResultStream()
                .filter(p -> p.stage() == plan.stage()
                        && p.status() == PlanStatus.PUBLISHED
                        && p.revision() > 1
                        && p.revision() <= plan.revision())
                .sorted(Comparator.comparingInt(EnrollmentPlan::revision))
                .map(p -> new PlanDetail.Correction(p.revision(), p.publishedAt(), p.correctionReason(), p.changes()))
                .toList();
    }

    /**
     * The county's own wording of the public texts (guide, materials, contacts) in its published plans of the latest
     * year: the primary plan's where both stages reword the same text, since the pages are one per county.
     */
    public Map<String, String> publicTexts(RegionCode county) {
        Map<String, String> texts = new HashMap<>();
        for (EnrollmentPlan plan : latestPublished(county)) {
            plan.texts().forEach(texts::putIfAbsent);
        }
        return texts;
    }

    /** The latest published revision of each stage of the most recent plan year, in stage order. */
    private Collection<EnrollmentPlan> latestPublished(RegionCode county) {
        List<EnrollmentPlan> plans = em.createNamedQuery(EnrollmentPlan.LATEST_PUBLISHED, EnrollmentPlan.class)
                .setParameter("county", county)
                .getResultList();
        Map<Stage, EnrollmentPlan> latest = new EnumMap<>(Stage.class);
        int year = plans.isEmpty() ? 0 : plans.get(0).year();
        plans.stream().filter(p -> p.year() == year).forEach(p -> latest.putIfAbsent(p.stage(), p));
        return latest.values();
    }

    private static String addressOf(School school, Map<String, String> townNames) {
        Address a = school.address();
        if (a.detail() != null) {
            return a.detail();
        }
        return townNames.getOrDefault(a.townCode(), "") + a.line();
    }
}
