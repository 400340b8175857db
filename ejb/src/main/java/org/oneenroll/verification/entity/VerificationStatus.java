package org.oneenroll.verification.entity;

/** Where a verification leaves a case: never "verifying" once the sources have answered or failed. */
public enum VerificationStatus {
    /** Every needed source confirmed the form and a category. */
    VERIFIED,
    /** Something needs a proof, a re-check or the counter; the offline checks say what. */
    NEEDS_OFFLINE_CHECK
}
