package org.oneenroll.simulator.population;

/**
 * Kinds of faults the generator injects into a family's government records, so verification and review can
 * be tested against a known truth.
 */
public enum DefectKind {
    /** 居住证过期: the residence permit's validity ended before the application date. */
    EXPIRED_RESIDENCE_PERMIT,
    /** The owned home is in the county but in a compound no catchment zone covers. */
    PROPERTY_OUTSIDE_ZONES,
    /** The owned home is in another county. */
    PROPERTY_OUTSIDE_COUNTY,
    /** Months are missing from the social-insurance payments of the last 24 months. */
    SOCIAL_INSURANCE_GAP,
    /** The hukou source has no record for an applicant child. */
    MISSING_HUKOU_RECORD,
    /** The birth-certificate source has no record for an applicant child. */
    MISSING_BIRTH_CERTIFICATE,
    /** A name contains a rare character (CJK extension, mostly outside the BMP). */
    RARE_CHARACTER_NAME
}
