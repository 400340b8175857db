package org.oneenroll.review.control;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.review.entity.DecisionKind;
import org.oneenroll.review.entity.DecisionRequest;
import org.oneenroll.review.entity.ReviewReason;

/**
 * When a decision may be taken and what it must carry (seed 003: 审核人员完成审核并出具办理意见). A rejection names a
 * reason from the maintained list; a rejection, a return, and an approval the sources did not fully support all
 * need the reviewer's comment (办理意见); a return names at least one proof and a deadline within the allowed
 * window. Pure rules, refused in Chinese.
 */
public final class DecisionRules {

    public static final int MAX_COMMENT = 500;
    /** The shortest and longest time a family gets to supply a proof, in days. */
    public static final int MIN_DEADLINE_DAYS = 1;

    public static final int MAX_DEADLINE_DAYS = 30;
    // At most 64: the SMS a decision sends is keyed "review:<key>:PROOF_REQUESTED", within the outbox's 100.
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9:_.-]{8,64}");

    private DecisionRules() {}

    /**
     * Checks a request against the case as it stands now.
     *
     * @param caseStatus       the case's status
     * @param fullyConfirmed   whether every source confirmed the case and its category
     * @param reason           the reason the request names, if it names one that exists
     * @param today            today in China
     * @throws InvalidValueException naming the field that is wrong
     */
    public static void check(
            DecisionRequest r,
            CaseStatus caseStatus,
            boolean fullyConfirmed,
            Optional<ReviewReason> reason,
            LocalDate today) {
        if (r.idempotencyKey() == null || !KEY.matcher(r.idempotencyKey()).matches()) {
            throw new InvalidValueException("idempotencyKey", "review.key");
        }
        if (r.kind() == null) {
            throw new InvalidValueException("kind", "review.kind");
        }
        if (!decidable(caseStatus)) {
            throw new InvalidValueException("status", "review.not-decidable", caseStatus.label());
        }
        if (r.comment() != null && r.comment().length() > MAX_COMMENT) {
            throw new InvalidValueException("comment", "review.comment-too-long", MAX_COMMENT);
        }
        switch (r.kind()) {
            case APPROVE -> {
                if (r.reasonCode() != null) {
                    throw new InvalidValueException("reasonCode", "review.reason-on-approval");
                }
                if (!fullyConfirmed && r.comment() == null) {
                    throw new InvalidValueException("comment", "review.comment-required.override");
                }
            }
            case REJECT -> {
                if (r.reasonCode() == null) {
                    throw new InvalidValueException("reasonCode", "review.reason-required");
                }
                ReviewReason known = reason.filter(ReviewReason::active)
                        .orElseThrow(
                                () -> new InvalidValueException("reasonCode", "review.reason-unknown", r.reasonCode()));
                if (known.commentRequired() && r.comment() == null) {
                    throw new InvalidValueException("comment", "review.comment-required.reason", known.label());
                }
            }
            case RETURN -> {
                if (r.proofs().isEmpty()) {
                    throw new InvalidValueException("proofs", "review.proofs-required");
                }
                if (r.deadline() == null) {
                    throw new InvalidValueException("deadline", "review.deadline-required");
                }
                if (r.deadline().isBefore(today.plusDays(MIN_DEADLINE_DAYS))
                        || r.deadline().isAfter(today.plusDays(MAX_DEADLINE_DAYS))) {
                    throw new InvalidValueException(
                            "deadline", "review.deadline-window", MIN_DEADLINE_DAYS, MAX_DEADLINE_DAYS);
                }
                if (r.comment() == null) {
                    throw new InvalidValueException("comment", "review.comment-required", CaseStatus.RETURNED.label());
                }
            }
        }
    }

    /** Whether a case in this status can be decided now (taking it into review on the way). */
    public static boolean decidable(CaseStatus status) {
        return status == CaseStatus.VERIFIED
                || status == CaseStatus.NEEDS_OFFLINE_CHECK
                || status == CaseStatus.UNDER_REVIEW
                || status == CaseStatus.RETURNED;
    }

    /** Whether a bulk approval may take the case: every source confirmed it and no proof is outstanding. */
    public static boolean bulkApprovable(CaseStatus status, boolean fullyConfirmed) {
        return fullyConfirmed && (status == CaseStatus.VERIFIED || status == CaseStatus.UNDER_REVIEW);
    }

    /** The line for the case's history: the decision's reason and comment, cut to fit. */
    public static String note(DecisionKind kind, Optional<ReviewReason> reason, String comment) {
        StringBuilder s = new StringBuilder(Messages.format(Messages.DEFAULT_LOCALE, "review.decision." + kind.name()));
        reason.ifPresent(
                x -> s.append(' ').append(Messages.format(Messages.DEFAULT_LOCALE, "review.note.reason", x.label())));
        if (comment != null) {
            s.append(' ').append(Messages.format(Messages.DEFAULT_LOCALE, "review.note.comment", comment));
        }
        return s.toString();
    }
}
