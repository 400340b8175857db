package org.oneenroll.review.entity;

import java.io.Serializable;
import org.oneenroll.intake.entity.CaseStatus;

/**
 * Where a decision left the case: its status and the version the next decision must carry.
 *
 * @param repeated whether the request had been decided before (same idempotency key): nothing changed now
 */
public record DecisionOutcome(String caseNumber, CaseStatus status, long version, boolean repeated)
        implements Serializable {}
