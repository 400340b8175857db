package org.oneenroll.review.entity;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.GovernmentSource;

/**
 * What a reviewer narrows the queue to; every field may be left open ({@code null}, or no status for the
 * statuses a reviewer works on). Dates are days in China, both ends included.
 *
 * @param schoolCode   the cases of the zones this school serves (within the caller's scope)
 * @param failedSource the cases this source did not confirm
 */
public record QueueFilter(
        Set<CaseStatus> statuses,
        Stage stage,
        ApplicationType type,
        FamilyCategory category,
        String schoolCode,
        GovernmentSource failedSource,
        Channel channel,
        LocalDate submittedFrom,
        LocalDate submittedTo)
        implements java.io.Serializable {

    /** The statuses a reviewer's queue shows when none is chosen: waiting for review, or being reviewed. */
    public static final Set<CaseStatus> WORK =
            EnumSet.of(CaseStatus.VERIFIED, CaseStatus.NEEDS_OFFLINE_CHECK, CaseStatus.UNDER_REVIEW);

    /** The statuses the queue and its counts know: from checked to decided. */
    public static final Set<CaseStatus> REVIEWABLE = EnumSet.of(
            CaseStatus.VERIFIED,
            CaseStatus.NEEDS_OFFLINE_CHECK,
            CaseStatus.UNDER_REVIEW,
            CaseStatus.RETURNED,
            CaseStatus.APPROVED,
            CaseStatus.REJECTED);

    /** A range longer than this is refused: nobody reads it, and it costs the database. */
    static final int MAX_DAYS = 400;

    public QueueFilter {
        statuses = statuses == null || statuses.isEmpty() ? WORK : EnumSet.copyOf(statuses);
        for (CaseStatus s : statuses) {
            if (!REVIEWABLE.contains(s)) {
                throw new InvalidValueException("statuses", "review.filter.status", s.label());
            }
        }
        schoolCode = schoolCode == null || schoolCode.isBlank() ? null : schoolCode.strip();
        if (submittedFrom != null && submittedTo != null) {
            if (submittedTo.isBefore(submittedFrom)) {
                throw new InvalidValueException("submittedTo", "review.filter.dates", submittedFrom, submittedTo);
            }
            if (submittedFrom.plusDays(MAX_DAYS).isBefore(submittedTo)) {
                throw new InvalidValueException("submittedTo", "review.filter.range", MAX_DAYS);
            }
        }
    }

    /** The reviewer's working queue: every filter open. */
    public static QueueFilter work() {
        return new QueueFilter(null, null, null, null, null, null, null, null, null);
    }

    /** The same filter with other statuses. */
    public QueueFilter withStatuses(Set<CaseStatus> other) {
        return new QueueFilter(
                other, stage, type, category, schoolCode, failedSource, channel, submittedFrom, submittedTo);
    }
}
