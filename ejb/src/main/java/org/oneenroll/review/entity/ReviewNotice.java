package org.oneenroll.review.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a family is told of the latest review decision on its case: the decision, the reason of a refusal and the
 * proofs asked for with their deadline (in words), and the reviewer's 办理意见.
 */
public record ReviewNotice(
        DecisionKind decision,
        String reason,
        String comment,
        List<String> proofs,
        LocalDate deadline,
        Instant decidedAt) {

    public ReviewNotice {
        proofs = List.copyOf(proofs);
    }
}
