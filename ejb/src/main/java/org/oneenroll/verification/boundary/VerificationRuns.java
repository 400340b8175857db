package org.oneenroll.verification.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.verification.control.VerificationJson;
import org.oneenroll.verification.entity.CaseVerification;
import org.oneenroll.verification.entity.CheckOutcome;
import org.oneenroll.verification.entity.Evidence;
import org.oneenroll.verification.entity.EvidenceEntry;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.VerificationResult;
import org.oneenroll.verification.entity.VerificationStatus;

/**
 * Stores a finished verification and moves its case in one transaction: the case never shows a result that
 * was not kept, and a kept result always has its case moved.
 */
@Stateless
public class VerificationRuns {

    @PersistenceContext
    EntityManager em;

    @Inject
    Cases cases;

    @Inject
    PersonalDataCipher cipher;

    public CaseVerification store(
            long caseId,
            String caseNumber,
            int runNumber,
            CaseVerification.Trigger trigger,
            Instant startedAt,
            Instant finishedAt,
            VerificationResult result) {
        List<EvidenceEntry> lines = new ArrayList<>(result.evidence().size());
        for (Evidence e : result.evidence()) {
            NationalId subject = NationalId.of(e.subjectIdNumber());
            lines.add(new EvidenceEntry(e, cipher.digest(subject.value()), subject.masked()));
        }
        CaseVerification run = new CaseVerification(
                caseId, runNumber, trigger, startedAt, finishedAt, result, VerificationJson.result(result), lines);
        em.persist(run);
        cases.finishVerification(
                caseNumber,
                result.status() == VerificationStatus.VERIFIED ? CaseStatus.VERIFIED : CaseStatus.NEEDS_OFFLINE_CHECK,
                result.category().category(),
                result.category().confirmed(),
                result.category().zoneConcerned().map(z -> z.code()).orElse(null),
                result.category().reason().key(),
                summary(result),
                notConfirmed(result));
        return run;
    }

    /** The sources whose answers did not confirm the declaration, or that an offline check names. */
    static Set<GovernmentSource> notConfirmed(VerificationResult result) {
        Set<GovernmentSource> sources = EnumSet.noneOf(GovernmentSource.class);
        result.evidence().stream()
                .filter(e -> e.outcome() != CheckOutcome.MATCHED)
                .forEach(e -> sources.add(e.source()));
        sources.addAll(result.offlineSources());
        return sources;
    }

    /** What could not be confirmed, for the family's SMS: the proofs asked for, in Chinese; null when verified. */
    static String summary(VerificationResult result) {
        if (result.status() == VerificationStatus.VERIFIED) {
            return null;
        }
        String proofs = result.offlineChecks().stream()
                .map(o -> o.proof().label().render(null))
                .distinct()
                .collect(java.util.stream.Collectors.joining("、"));
        return proofs.isEmpty() ? result.category().reason().render(null) : proofs;
    }

    /** Every verification of a case, oldest first. */
    public List<CaseVerification> ofCase(long caseId) {
        return em.createNamedQuery(CaseVerification.OF_CASE, CaseVerification.class)
                .setParameter("caseId", caseId)
                .getResultList();
    }

    /** How many re-checks the case had since {@code since}. */
    public long rechecksSince(long caseId, Instant since) {
        return em.createQuery(
                        "select count(v) from CaseVerification v where v.caseId = :caseId and v.trigger = :trigger"
                                + " and v.startedAt >= :since",
                        Long.class)
                .setParameter("caseId", caseId)
                .setParameter("trigger", CaseVerification.Trigger.RECHECK)
                .setParameter("since", since)
                .getSingleResult();
    }
}
