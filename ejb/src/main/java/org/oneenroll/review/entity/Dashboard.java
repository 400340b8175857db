package org.oneenroll.review.entity;

import java.io.Serializable;
import java.util.List;
import org.oneenroll.feedback.entity.ConcernSummary;

/**
 * A supervisor's figures for one region (督导): cases by status and category, cases per sub-region for drilling
 * down, how often each source confirmed what families typed, how long decisions took, the backlog per reviewer, and
 * the consultations and complaints received with their handling state. Read-only, computed when asked.
 *
 * @param regionPrefix the region the figures cover (2, 4 or 6 digits)
 * @param regionName   its name
 */
public record Dashboard(
        String regionPrefix,
        String regionName,
        long total,
        List<StatusCategory> byStatusAndCategory,
        List<RegionLine> byRegion,
        List<SourceLine> sources,
        DecisionTimes decisionTimes,
        List<ReviewerLine> backlog,
        ConcernSummary concerns)
        implements Serializable {

    public Dashboard {
        byStatusAndCategory = List.copyOf(byStatusAndCategory);
        byRegion = List.copyOf(byRegion);
        sources = List.copyOf(sources);
        backlog = List.copyOf(backlog);
    }

    /** How many cases have this status and category ({@code category} null: none derived). */
    public record StatusCategory(String status, String category, long cases) implements Serializable {}

    /**
     * One sub-region: its cases, those waiting for or in review, and those decided.
     *
     * @param regionCode the six-digit code of the city or county
     * @param name       its name
     */
    public record RegionLine(
            String regionCode, String name, long cases, long waiting, long approved, long rejected, long returned)
            implements Serializable {}

    /** One source: answers by outcome; {@code confirmed} of {@code asked} matched what the family typed. */
    public record SourceLine(String source, long asked, long confirmed, long mismatched, long noRecord, long failed)
            implements Serializable {

        /** Share of questions the source confirmed, in percent (0 when never asked). */
        public double confirmedPercent() {
            return asked == 0 ? 0 : Math.round(1000.0 * confirmed / asked) / 10.0;
        }
    }

    /** Time from submission to the reviewer's decision (approve or reject), in hours. */
    public record DecisionTimes(long decisions, double averageHours, double p90Hours) implements Serializable {}

    /** Cases waiting for a reviewer's decision ({@code reviewer} null: checked cases nobody has taken yet). */
    public record ReviewerLine(String reviewer, long waiting) implements Serializable {}
}
