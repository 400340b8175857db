package org.oneenroll.intake.entity;

import java.time.Instant;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.policy.entity.Stage;

/**
 * A case moved: fired inside the transaction that moves it, so what observers write (an SMS, a feedback to the
 * provincial platform) commits or rolls back with the move.
 *
 * @param sequence the number of this change in the case's history (1 for the submission)
 * @param detail   what the move is about in words a family reads (the sources not confirmed ...), or {@code null}
 */
public record CaseStatusChanged(
        String caseNumber,
        CaseStatus from,
        CaseStatus to,
        Instant at,
        int sequence,
        String childName,
        Stage stage,
        PhoneNumber contact,
        String detail) {}
