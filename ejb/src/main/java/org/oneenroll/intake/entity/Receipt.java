package org.oneenroll.intake.entity;

import java.time.Instant;
import java.util.List;

/**
 * What a case's printed receipt (回执) says: the number to quote, when it was submitted, whose it is (the child's
 * name masked), what was applied for and where, what the checks found, and the address of its status page.
 */
public record Receipt(
        String caseNumber,
        Instant submittedAt,
        String childName,
        String stage,
        String type,
        String county,
        String statusLabel,
        List<FamilyCase.SourceCheck> checks,
        String statusUrl,
        Instant printedAt) {

    public Receipt {
        checks = List.copyOf(checks);
    }
}
