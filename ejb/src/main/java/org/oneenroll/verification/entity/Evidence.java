package org.oneenroll.verification.entity;

import java.util.List;
import java.util.Objects;

/**
 * One evidence line: what one source answered about one person and how it compares with the form. Reviewers
 * see it beside the case; the answer keeps time, latency, attempts and the platform's query id.
 *
 * @param subjectIdNumber whom the source was asked about
 * @param fieldsUsed      the record fields the checks and the filled fields read (wire names)
 * @param findings        what the rules noticed in the record beyond the comparison (an expired permit, months
 *                        of insurance missing, a home outside every zone)
 */
public record Evidence(
        GovernmentSource source,
        String subjectIdNumber,
        Relation subjectRelation,
        CheckOutcome outcome,
        List<FieldMismatch> mismatches,
        List<String> fieldsUsed,
        List<MessageRef> findings,
        SourceAnswer answer) {

    public Evidence {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(outcome, "outcome");
        mismatches = List.copyOf(mismatches);
        fieldsUsed = List.copyOf(fieldsUsed);
        findings = List.copyOf(findings);
        if ((outcome == CheckOutcome.MISMATCH) == mismatches.isEmpty()) {
            throw new IllegalArgumentException("a MISMATCH, and only a MISMATCH, names its fields");
        }
    }

    /** Whether a finding with this message key was noted. */
    public boolean noted(String key) {
        return findings.stream().anyMatch(f -> f.key().equals(key));
    }
}
