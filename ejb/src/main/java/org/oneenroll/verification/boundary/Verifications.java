package org.oneenroll.verification.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.audit.boundary.AuditTrail;
import org.oneenroll.audit.entity.AuditAction;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.CaseForVerification;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.verification.control.CaseVerifier;
import org.oneenroll.verification.control.PlanContexts;
import org.oneenroll.verification.control.SourceFanOut;
import org.oneenroll.verification.control.SourceFanOut.Question;
import org.oneenroll.verification.control.VerificationJson;
import org.oneenroll.verification.entity.CaseVerification;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.SourceFailure;
import org.oneenroll.verification.entity.VerificationResult;

/**
 * Checks a case against the government sources: with the guardian's authorisation in force, every question
 * is audited, then all sources are asked at once, the rules judge the answers, and the run is stored with the
 * case moved to "verified" or "needs offline check" (with the reason and next step per source). No
 * transaction is held while the sources answer, and a case never stays "verifying": whatever fails, it ends
 * as "needs offline check", and a restart is caught up by {@link VerificationSweeper}.
 */
@Stateless
public class Verifications {

    private static final Logger LOG = Logger.getLogger(Verifications.class.getName());
    /** How many re-checks (我要复查) a case may have per day: each one asks every source again. */
    static final int RECHECKS_PER_DAY = 5;

    @Inject
    Cases cases;

    @Inject
    VerificationRuns runs;

    @Inject
    SourceFanOut fanOut;

    @Inject
    CaseVerifier verifier;

    @Inject
    PlanContexts plans;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Verifies the case now and returns the stored run. Takes about as long as the slowest source. Empty when an
     * automatic check could not run (authorisation withdrawn or too narrow, resumed too often): the case is then
     * "needs offline check" with the reason, and nothing was asked.
     *
     * @throws InvalidValueException without an authorisation covering the sources (a family's re-check, or a first
     *                               check before any authorisation), or when the case is being verified or past
     *                               verification
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<CaseVerification> verify(String caseNumber, CaseVerification.Trigger trigger) {
        CaseForVerification c = cases.forVerification(caseNumber);
        PlanContext plan = plans.of(c.county(), c.year(), c.stage());
        Declaration declaration = VerificationJson.declaration(c.declaration(), plan);
        List<Question> questions = verifier.questions(declaration);
        Set<GovernmentSource> needed = EnumSet.noneOf(GovernmentSource.class);
        questions.forEach(q -> needed.add(q.source()));
        if (trigger == CaseVerification.Trigger.RECHECK) {
            Instant midnight = LocalDate.now(clock.withZone(Clocks.SHANGHAI))
                    .atStartOfDay(Clocks.SHANGHAI)
                    .toInstant();
            if (runs.rechecksSince(c.id(), midnight) >= RECHECKS_PER_DAY) {
                throw new InvalidValueException(
                        "caseNumber", "verification.recheck-limit", c.caseNumber(), RECHECKS_PER_DAY);
            }
        }
        int run = cases.startVerification(
                caseNumber,
                needed,
                switch (trigger) {
                    case SUBMISSION -> Cases.Check.FIRST;
                    case RECHECK -> Cases.Check.AGAIN;
                    case RECOVERY -> Cases.Check.RESUME;
                });
        if (run == 0) {
            return Optional.empty();
        }
        Instant started = clock.instant();
        List<SourceAnswer> answers;
        try {
            audit.record(auditLines(questions, c.caseNumber(), trigger));
            answers = fanOut.ask(questions, c.caseNumber(), () -> mayAskAgain(c.caseNumber()));
        } catch (RuntimeException e) {
            // Nothing was learnt: every source counts as not answered, so the case ends with a re-check advised.
            LOG.log(Level.WARNING, "Verification of " + c.caseNumber() + " failed before the sources answered", e);
            answers = unanswered(questions, started, e);
        }
        try {
            VerificationResult result = verifier.verify(declaration, questions, answers, checkDate());
            return Optional.of(runs.store(c.id(), c.caseNumber(), run, trigger, started, clock.instant(), result));
        } catch (RuntimeException e) {
            // A defect in the rules or in storing: never leave the case verifying, never ask again in a loop.
            LOG.log(Level.SEVERE, "Verification of " + c.caseNumber() + " could not be judged or stored", e);
            cases.abandonVerification(c.caseNumber(), "verification.abandoned.failed");
            throw e;
        }
    }

    /**
     * Whether a source that failed may be asked again for the case: only while its authorisation is in force (the
     * family may withdraw it while a check is retrying). When that cannot be read, nothing more is asked.
     */
    private boolean mayAskAgain(String caseNumber) {
        try {
            return cases.consentInForce(caseNumber);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Authorisation of " + caseNumber + " unreadable: its sources are not asked again",
                    e);
            return false;
        }
    }

    /** 我要复查: the family (or staff) asks for the sources to be asked again. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CaseVerification recheck(String caseNumber) {
        // A re-check is refused rather than abandoned, so it always has a run.
        return verify(caseNumber, CaseVerification.Trigger.RECHECK).orElseThrow();
    }

    /** Every verification of the case, oldest first. */
    public List<CaseVerification> history(String caseNumber) {
        return runs.ofCase(cases.forVerification(caseNumber).id());
    }

    /** The latest verification's full result (records, filled fields, reasons), for reviewers and the parent. */
    public Optional<VerificationResult> latest(String caseNumber) {
        CaseForVerification c = cases.forVerification(caseNumber);
        List<CaseVerification> all = runs.ofCase(c.id());
        if (all.isEmpty()) {
            return Optional.empty();
        }
        PlanContext plan = plans.of(c.county(), c.year(), c.stage());
        return Optional.of(VerificationJson.result(all.get(all.size() - 1).storedResult(), plan));
    }

    /**
     * The day records are judged on (validity, leases, months of insurance): today in China, or the day of
     * {@code oneenroll.verification.check-date} where a simulated platform's records are dated (demo, tests).
     */
    LocalDate checkDate() {
        return Settings.value("oneenroll.verification.check-date")
                .map(LocalDate::parse)
                .orElseGet(() -> LocalDate.now(clock.withZone(Clocks.SHANGHAI)));
    }

    private static List<AuditTrail.Line> auditLines(
            List<Question> questions, String caseNumber, CaseVerification.Trigger trigger) {
        List<AuditTrail.Line> lines = new ArrayList<>(questions.size());
        String purpose = "入学资格核验 " + caseNumber + "（" + purpose(trigger) + "）";
        for (Question q : questions) {
            lines.add(new AuditTrail.Line(
                    AuditAction.GOVERNMENT_DATA_QUERY,
                    NationalId.of(q.idNumber()),
                    q.source().name(),
                    purpose,
                    null));
        }
        return lines;
    }

    private static String purpose(CaseVerification.Trigger trigger) {
        return switch (trigger) {
            case SUBMISSION -> "提交后核验";
            case RECHECK -> "申请复查";
            case RECOVERY -> "中断后续查";
        };
    }

    private List<SourceAnswer> unanswered(List<Question> questions, Instant at, RuntimeException cause) {
        List<SourceAnswer> answers = new ArrayList<>(questions.size());
        for (Question q : questions) {
            answers.add(SourceAnswer.failed(
                    q.source(), SourceFailure.UNREACHABLE, null, at, Duration.ZERO, "not asked: " + cause));
        }
        return answers;
    }
}
