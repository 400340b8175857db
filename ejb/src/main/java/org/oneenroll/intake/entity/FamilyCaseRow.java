package org.oneenroll.intake.entity;

import java.io.Serializable;
import java.time.Instant;

/** One of a parent's cases in their list: enough to recognise it, the child's name masked. */
public record FamilyCaseRow(
        String caseNumber, String childName, String stage, CaseStatus status, String statusLabel, Instant submittedAt)
        implements Serializable {}
