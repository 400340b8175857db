package org.oneenroll.review.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneenroll.feedback.boundary.Concerns;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.entity.Region;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.control.Migrations;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.review.control.DashboardQueries;
import org.oneenroll.review.control.QueryPlans;
import org.oneenroll.review.control.QueueQuery;
import org.oneenroll.review.control.Scopes;
import org.oneenroll.review.entity.Dashboard;
import org.oneenroll.review.entity.ReviewScope;
import org.oneenroll.verification.entity.CheckOutcome;

/**
 * 督导: the figures of the caller's region for city and province supervisors (and a county's administrator),
 * read-only, with drill-down to any city or county inside it, including the consultations and complaints received
 * and their handling state ({@link Concerns}). The region always comes from the caller's account; a region asked for
 * outside it is refused.
 */
@Stateless
@RolesAllowed({StaffRole.Names.PROVINCE_SUPERVISOR, StaffRole.Names.CITY_SUPERVISOR, StaffRole.Names.COUNTY_ADMIN})
public class Supervision {

    static final DashboardQueries QUERIES = new DashboardQueries(Migrations.SCHEMA);

    @PersistenceContext
    EntityManager em;

    @Inject
    Scopes scopes;

    @Inject
    Regions regions;

    @Inject
    QueryPlans plansForValues;

    @Inject
    Concerns concerns;

    @Resource
    SessionContext session;

    /**
     * The dashboard of the caller's region, or of a city or county inside it.
     *
     * @param regionCode {@code null} for the caller's whole region
     * @throws InvalidValueException when the region is malformed or outside the caller's region
     */
    public Dashboard dashboard(String regionCode) {
        ReviewScope scope = scopes.of(session.getCallerPrincipal().getName(), ReviewScope.Purpose.READ);
        if (scope.level() == ReviewScope.Level.SCHOOL) {
            throw new InvalidValueException("scope", "review.scope.none", scope.username());
        }
        if (regionCode != null && !regionCode.isBlank()) {
            scope = scope.narrowedTo(regionCode.strip());
        }
        plansForValues.planForTheValues(em);
        List<Dashboard.StatusCategory> byStatus = new ArrayList<>();
        long total = 0;
        for (Object[] r : rows(QUERIES.byStatusAndCategory(scope))) {
            long n = number(r[2]);
            total += n;
            byStatus.add(new Dashboard.StatusCategory((String) r[0], (String) r[1], n));
        }
        List<Dashboard.RegionLine> byRegion = new ArrayList<>();
        for (Object[] r : rows(QUERIES.byRegion(scope))) {
            String code = pad((String) r[0]);
            byRegion.add(new Dashboard.RegionLine(
                    code, name(code), number(r[1]), number(r[2]), number(r[3]), number(r[4]), number(r[5])));
        }
        Map<String, long[]> perSource = new LinkedHashMap<>();
        for (Object[] r : rows(QUERIES.sources(scope))) {
            long[] c = perSource.computeIfAbsent((String) r[0], k -> new long[5]);
            long n = number(r[2]);
            c[0] += n;
            switch (CheckOutcome.valueOf((String) r[1])) {
                case MATCHED -> c[1] += n;
                case MISMATCH -> c[2] += n;
                case NO_RECORD -> c[3] += n;
                case SOURCE_ERROR -> c[4] += n;
            }
        }
        List<Dashboard.SourceLine> sources = new ArrayList<>();
        perSource.forEach((source, c) -> sources.add(new Dashboard.SourceLine(source, c[0], c[1], c[2], c[3], c[4])));
        Object[] t = rows(QUERIES.decisionTimes(scope)).get(0);
        Dashboard.DecisionTimes times = new Dashboard.DecisionTimes(number(t[0]), hours(t[1]), hours(t[2]));
        List<Dashboard.ReviewerLine> backlog = new ArrayList<>();
        for (Object[] r : rows(QUERIES.backlog(scope))) {
            backlog.add(new Dashboard.ReviewerLine((String) r[0], number(r[1])));
        }
        return new Dashboard(
                scope.regionPrefix(),
                name(pad(scope.regionPrefix())),
                total,
                byStatus,
                byRegion,
                sources,
                times,
                backlog,
                concerns.summary(regionCode));
    }

    private String name(String code) {
        return regions.find(code).map(Region::name).orElse(code);
    }

    private static String pad(String prefix) {
        StringBuilder s = new StringBuilder(prefix);
        while (s.length() < 6) {
            s.append('0');
        }
        return s.toString();
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static double hours(Object seconds) {
        return seconds == null ? 0 : Math.round(((Number) seconds).doubleValue() / 36.0) / 100.0;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(QueueQuery.Sql sql) {
        return sql.nativeQuery(em).getResultList();
    }
}
