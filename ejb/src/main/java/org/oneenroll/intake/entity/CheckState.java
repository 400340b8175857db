package org.oneenroll.intake.entity;

/** What one government source's check came to, as a family reads it; the words are {@code family.check.<NAME>}. */
public enum CheckState {
    /** Every answer of the source agrees with what the family typed. */
    CONFIRMED,
    /** The source did not confirm the application: a proof or a correction is needed. */
    NOT_CONFIRMED,
    /** The source could not be asked or did not answer: a re-check may help. */
    UNAVAILABLE,
    /** The source holds no record, and the application does not need one. */
    NOT_NEEDED
}
