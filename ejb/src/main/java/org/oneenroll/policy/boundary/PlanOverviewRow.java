package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.time.Instant;
import org.oneenroll.policy.entity.Stage;

/**
 * One county's plan for a stage of the year as supervisors see it: the latest published revision and whether a draft
 * (a first plan or a correction) is being prepared.
 *
 * @param publishedRevision null while nothing is published
 * @param draftRevision     the revision being drafted, else null
 */
public record PlanOverviewRow(
        String countyCode,
        String countyName,
        Stage stage,
        int year,
        Integer publishedRevision,
        Instant publishedAt,
        Instant onlineOpens,
        Instant onlineCloses,
        int seats,
        Integer draftRevision)
        implements Serializable {

    /** Where the county stands with this plan. */
    public enum State {
        /** 未制定 */
        NONE,
        /** 草稿 */
        DRAFT,
        /** 已发布 */
        PUBLISHED,
        /** 已发布，更正中 */
        CORRECTING
    }

    public State state() {
        if (publishedRevision == null) {
            return draftRevision == null ? State.NONE : State.DRAFT;
        }
        return draftRevision == null ? State.PUBLISHED : State.CORRECTING;
    }
}
