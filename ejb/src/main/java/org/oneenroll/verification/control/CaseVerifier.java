package org.oneenroll.verification.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.oneenroll.verification.control.SourceFanOut.Question;
import org.oneenroll.verification.entity.CategoryFinding;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.Evidence;
import org.oneenroll.verification.entity.FilledFields;
import org.oneenroll.verification.entity.OfflineCheck;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.VerificationResult;
import org.oneenroll.verification.entity.VerificationStatus;

/**
 * The verification rules as one pure function: a declaration and its sources' answers in, evidence, filled
 * fields, the derived category and the offline checks out. No container, database or network; the boundary
 * asks the sources ({@link SourceFanOut}) and stores the result.
 */
public final class CaseVerifier {

    /** The last plan's address reader: building one reads every unit key of the county, so it is reused. */
    private volatile AddressReader reader;

    /** The questions to ask for the declaration (see {@link SourcePlan}). */
    public List<Question> questions(Declaration declaration) {
        return SourcePlan.questions(declaration);
    }

    /**
     * Verifies a case. {@code answers} are in the order of {@code questions} (as {@link SourceFanOut#ask} returns
     * them); {@code checkDate} is the day of the check, against which validity and leases are judged.
     */
    public VerificationResult verify(
            Declaration declaration, List<Question> questions, List<SourceAnswer> answers, LocalDate checkDate) {
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(checkDate, "checkDate");
        SourceChecks.Reading reading =
                SourceChecks.read(declaration, questions, answers, checkDate, readerFor(declaration.plan()));
        CategoryRules.Judgement judgement = CategoryRules.judge(declaration, reading.facts());
        FilledFields filled = FieldFiller.fill(declaration, reading.facts());
        List<OfflineCheck> checks = OfflineChecks.assemble(declaration, reading.evidence(), reading.facts(), judgement);
        CategoryFinding category = judgement.finding();
        VerificationStatus status = checks.isEmpty() && category.confirmed()
                ? VerificationStatus.VERIFIED
                : VerificationStatus.NEEDS_OFFLINE_CHECK;
        List<Evidence> evidence = reading.evidence();
        return new VerificationResult(status, evidence, filled, category, checks);
    }

    private AddressReader readerFor(PlanContext plan) {
        AddressReader r = reader;
        if (r == null || r.plan() != plan) {
            r = new AddressReader(plan);
            reader = r;
        }
        return r;
    }
}
