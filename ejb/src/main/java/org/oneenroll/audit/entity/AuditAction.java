package org.oneenroll.audit.entity;

/** What was done with a person's data. */
public enum AuditAction {
    /** A government data source was asked about the person (the detail names the source). */
    GOVERNMENT_DATA_QUERY,
    /** A staff member opened a full record of the person. */
    RECORD_VIEW,
    /** A full record was exported (a list, a file). */
    RECORD_EXPORT,
    /** A reviewer decided the person's case (approved, rejected, returned for a proof). */
    REVIEW_DECISION
}
