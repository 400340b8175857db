package org.oneenroll.intake.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A case as its family sees it on the status page, in Chinese: where it is, how it got there, what each
 * government source's check found (in words, without any record's contents) and what to do next. The child's
 * name is masked. {@code consent} says in words whether the checks are authorised; the family may withdraw that
 * authorisation while it is in force, and the application itself while {@code withdrawable} (before review, or
 * while the case is returned for a proof).
 */
public record FamilyCase(
        String caseNumber,
        String childName,
        String stage,
        String type,
        String channel,
        String county,
        CaseStatus status,
        String statusLabel,
        Instant submittedAt,
        List<Step> timeline,
        List<SourceCheck> checks,
        NextStep next,
        String consent,
        boolean consentInForce,
        boolean withdrawable)
        implements Serializable {

    public FamilyCase {
        timeline = List.copyOf(timeline);
        checks = List.copyOf(checks);
    }

    /** One status change: when, the status reached, and what the family is told about it (or {@code null}). */
    public record Step(Instant at, String status, String note) implements Serializable {}

    /**
     * What one source's check came to.
     *
     * @param source  the source's name
     * @param details the fields that differ from the form (their names only) and what to do about the source
     */
    public record SourceCheck(String source, CheckState state, String stateLabel, List<String> details)
            implements Serializable {

        public SourceCheck {
            details = List.copyOf(details);
        }
    }
}
