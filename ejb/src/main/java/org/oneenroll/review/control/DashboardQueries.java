package org.oneenroll.review.control;

import java.util.List;
import org.oneenroll.review.control.QueueQuery.Sql;
import org.oneenroll.review.entity.ReviewScope;

/**
 * The supervisors' statements, each bounded by the scope's range of county codes first: cases by status and
 * category, per sub-region, answers per source, time to decision (average and 90th percentile) and the backlog
 * per reviewer. Plain SQL for PostgreSQL and H2, every value bound.
 */
public final class DashboardQueries {

    private final String schema;

    public DashboardQueries(String schema) {
        this.schema = schema;
    }

    public Sql byStatusAndCategory(ReviewScope scope) {
        return new Sql(
                "select status, category, count(*) from " + schema + ".enrollment_case"
                        + " where county_code between ? and ? group by status, category order by status, category",
                range(scope));
    }

    /** Per city of a province, per county of a city (a county: itself). */
    public Sql byRegion(ReviewScope scope) {
        String region = "substring(county_code, 1, " + scope.childPrefixLength() + ")";
        return new Sql(
                "select " + region + ", count(*),"
                        + " sum(case when status in ('VERIFIED', 'NEEDS_OFFLINE_CHECK', 'UNDER_REVIEW') then 1 else 0 end),"
                        + " sum(case when status = 'APPROVED' then 1 else 0 end),"
                        + " sum(case when status = 'REJECTED' then 1 else 0 end),"
                        + " sum(case when status = 'RETURNED' then 1 else 0 end)"
                        + " from " + schema + ".enrollment_case where county_code between ? and ?"
                        + " group by " + region + " order by 1",
                range(scope));
    }

    /** Answers per source and outcome over every check of the region's cases. */
    public Sql sources(ReviewScope scope) {
        return new Sql(
                "select e.source, e.outcome, count(*) from " + schema + ".verification_evidence e"
                        + " join " + schema + ".verification_run r on r.id = e.run_id"
                        + " join " + schema + ".enrollment_case c on c.id = r.case_id"
                        + " where c.county_code between ? and ? group by e.source, e.outcome order by e.source",
                range(scope));
    }

    /** Count, average and 90th percentile of the seconds from submission to approval or rejection. */
    public Sql decisionTimes(ReviewScope scope) {
        return new Sql(
                "select count(*), avg(seconds_to_decision),"
                        + " percentile_cont(0.9) within group (order by seconds_to_decision)"
                        + " from " + schema + ".review_decision where county_code between ? and ?"
                        + " and decision in ('APPROVE', 'REJECT')",
                range(scope));
    }

    /**
     * Cases waiting for a decision (checked, or under review) per reviewer who has them; reviewer null: checked
     * cases nobody has taken yet.
     */
    public Sql backlog(ReviewScope scope) {
        return new Sql(
                "select reviewer, count(*) from " + schema + ".enrollment_case where county_code between ? and ?"
                        + " and status in ('VERIFIED', 'NEEDS_OFFLINE_CHECK', 'UNDER_REVIEW')"
                        + " group by reviewer order by 2 desc",
                range(scope));
    }

    private static List<Object> range(ReviewScope scope) {
        return List.of(scope.lowestCounty(), scope.highestCounty());
    }
}
