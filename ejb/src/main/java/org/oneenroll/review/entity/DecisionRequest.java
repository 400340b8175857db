package org.oneenroll.review.entity;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.oneenroll.verification.entity.Proof;

/**
 * A reviewer's decision as the screen sends it: the case and the version the reviewer saw, what is decided,
 * why, and for a return the proofs and their deadline. {@code idempotencyKey} is made once per decision dialog,
 * so sending it twice decides once.
 *
 * @param reasonCode a code of the maintained reason list; required to reject, else {@code null}
 * @param comment    办理意见, required where {@code DecisionRules} says so
 */
public record DecisionRequest(
        String caseNumber,
        long seenVersion,
        DecisionKind kind,
        String reasonCode,
        String comment,
        Set<Proof> proofs,
        LocalDate deadline,
        String idempotencyKey)
        implements Serializable {

    public DecisionRequest {
        proofs = proofs == null || proofs.isEmpty() ? EnumSet.noneOf(Proof.class) : EnumSet.copyOf(proofs);
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        reasonCode = reasonCode == null || reasonCode.isBlank() ? null : reasonCode.strip();
    }

    public static DecisionRequest approve(String caseNumber, long seenVersion, String comment, String key) {
        return new DecisionRequest(caseNumber, seenVersion, DecisionKind.APPROVE, null, comment, null, null, key);
    }

    public static DecisionRequest reject(
            String caseNumber, long seenVersion, String reasonCode, String comment, String key) {
        return new DecisionRequest(caseNumber, seenVersion, DecisionKind.REJECT, reasonCode, comment, null, null, key);
    }

    public static DecisionRequest returnForProof(
            String caseNumber, long seenVersion, Set<Proof> proofs, LocalDate deadline, String comment, String key) {
        return new DecisionRequest(caseNumber, seenVersion, DecisionKind.RETURN, null, comment, proofs, deadline, key);
    }
}
