package org.oneenroll.policy.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.PlanStatus;
import org.oneenroll.policy.entity.Stage;

/** Enrollment plans: drafting, publishing and the public summary of what a county has published. */
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
        List<EnrollmentPlan> plans = em.createNamedQuery(EnrollmentPlan.LATEST_PUBLISHED, EnrollmentPlan.class)
                .setParameter("county", county)
                .getResultList();
        Map<Stage, EnrollmentPlan> latest = new EnumMap<>(Stage.class);
        int year = plans.isEmpty() ? 0 : plans.get(0).year();
        plans.stream().filter(p -> p.year() == year).forEach(p -> latest.putIfAbsent(p.stage(), p));
        String countyName = regions.fullName(county);
        Map<Stage, Long> zoneCounts = zones.countByStage(county);
        List<PlanSummary> result = new ArrayList<>();
        for (EnrollmentPlan p : latest.values()) {
            int zoneCount = zoneCounts.getOrDefault(p.stage(), 0L).intValue();
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
                    p.windowOpenAt(clock.instant())));
        }
        return result;
    }
}
