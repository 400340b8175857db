package org.oneenroll.intake.entity;

import java.util.EnumSet;
import java.util.Set;
import org.oneenroll.platform.control.Messages;

/**
 * Where a case is in its life (docs/architecture.md): submitted, checked against the government sources,
 * reviewed, admitted, notified, pre-registered, archived. Only the transitions listed here exist; the label
 * for screens is message key {@code case.status.<NAME>}.
 */
public enum CaseStatus {
    SUBMITTED,
    VERIFYING,
    VERIFIED,
    NEEDS_OFFLINE_CHECK,
    UNDER_REVIEW,
    RETURNED,
    APPROVED,
    REJECTED,
    ADMITTED,
    REALLOCATED,
    WAITLISTED,
    UNPLACED,
    NOTIFIED,
    PRE_REGISTERED,
    RECORD_CONFIRMED,
    WITHDRAWN,
    ARCHIVED;

    /** The status as people read it (Chinese): message key {@code case.status.<NAME>}. */
    public String label() {
        return Messages.format(Messages.DEFAULT_LOCALE, "case.status." + name());
    }

    /** The statuses this one may move to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(VERIFYING, WITHDRAWN);
            case VERIFYING -> EnumSet.of(VERIFIED, NEEDS_OFFLINE_CHECK, WITHDRAWN);
                // A re-check (我要复查) or a new proof sends a checked case back to the sources.
            case VERIFIED, NEEDS_OFFLINE_CHECK -> EnumSet.of(VERIFYING, UNDER_REVIEW, WITHDRAWN);
            case UNDER_REVIEW -> EnumSet.of(APPROVED, REJECTED, RETURNED);
            case RETURNED -> EnumSet.of(VERIFYING, UNDER_REVIEW, WITHDRAWN);
            case APPROVED -> EnumSet.of(ADMITTED, REALLOCATED, WAITLISTED, UNPLACED);
            case WAITLISTED -> EnumSet.of(ADMITTED, REALLOCATED, UNPLACED);
            case UNPLACED -> EnumSet.of(REALLOCATED, NOTIFIED);
            case ADMITTED, REALLOCATED -> EnumSet.of(NOTIFIED);
            case NOTIFIED -> EnumSet.of(PRE_REGISTERED, ARCHIVED);
            case PRE_REGISTERED -> EnumSet.of(RECORD_CONFIRMED);
            case RECORD_CONFIRMED, REJECTED, WITHDRAWN -> EnumSet.of(ARCHIVED);
            case ARCHIVED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** Whether the case still holds the child's one place in the year's intake (not withdrawn or archived). */
    public boolean active() {
        return this != WITHDRAWN && this != ARCHIVED;
    }

    /** Whether the government sources may be asked (again) for the case. */
    public boolean verifiable() {
        return canMoveTo(VERIFYING);
    }
}
