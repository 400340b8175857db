package org.oneenroll.review.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oneenroll.review.entity.ReviewDecision;
import org.oneenroll.review.entity.ReviewNotice;
import org.oneenroll.review.entity.ReviewReason;
import org.oneenroll.verification.entity.Proof;

/**
 * The review decisions as the family is told them, for the family's status page and receipt. Callers check whose
 * case it is first: this boundary answers for any case it is given.
 */
@Stateless
public class ReviewNotices {

    @PersistenceContext
    EntityManager em;

    /** The latest decision on the case (by its id), if it was decided. */
    public Optional<ReviewNotice> latest(long caseId) {
        List<ReviewDecision> decisions = em.createNamedQuery(ReviewDecision.OF_CASE, ReviewDecision.class)
                .setParameter("caseId", caseId)
                .getResultList();
        if (decisions.isEmpty()) {
            return Optional.empty();
        }
        ReviewDecision d = decisions.get(decisions.size() - 1);
        String reason = d.reasonCode() == null
                ? null
                : Optional.ofNullable(em.find(ReviewReason.class, d.reasonCode()))
                        .map(ReviewReason::label)
                        .orElse(null);
        List<String> proofs = new ArrayList<>();
        if (d.proofs() != null && !d.proofs().isBlank()) {
            for (String p : d.proofs().split(",")) {
                proofs.add(Proof.valueOf(p.strip()).label().render(null));
            }
        }
        return Optional.of(new ReviewNotice(d.decision(), reason, d.comment(), proofs, d.deadline(), d.decidedAt()));
    }
}
