package org.oneenroll.verification.entity;

/** What one source's answer says about what the family typed, as shown to reviewers beside the record. */
public enum CheckOutcome {
    /** The source holds a record and every field compared agrees with the form. */
    MATCHED,
    /** The source holds a record and at least one field compared differs (see the mismatches). */
    MISMATCH,
    /** The source answered that it holds no record for the person. */
    NO_RECORD,
    /** The source could not answer (outage, timeout, garbage): nothing is known. */
    SOURCE_ERROR
}
