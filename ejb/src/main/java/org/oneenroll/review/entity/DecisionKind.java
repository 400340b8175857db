package org.oneenroll.review.entity;

import org.oneenroll.intake.entity.CaseStatus;

/** What a reviewer decides (资格审核结果): approved, not approved, or returned for a proof (补充材料). */
public enum DecisionKind {
    APPROVE(CaseStatus.APPROVED),
    REJECT(CaseStatus.REJECTED),
    RETURN(CaseStatus.RETURNED);

    private final CaseStatus outcome;

    DecisionKind(CaseStatus outcome) {
        this.outcome = outcome;
    }

    /** The status the case moves to. */
    public CaseStatus outcome() {
        return outcome;
    }
}
