package org.oneenroll.simulator.population;

/**
 * The housing and hukou situation the generator built a family for (the truth behind its records). OneEnroll
 * derives a family category from verified data; this is what that derivation should find when no defect
 * interferes.
 */
public enum FamilyScenario {
    /** 房户一致: local hukou and own property at the same address in the county. */
    HOUSE_AND_HUKOU,
    /** 有房无户: property in the county, hukou elsewhere. */
    HOUSE_ONLY,
    /** 有户无房 (一): local hukou, living in a relative's (the grandparents') home. */
    HUKOU_ONLY_RELATIVES,
    /** 有户无房 (二): local hukou, renting (private rental or public rental housing). */
    HUKOU_ONLY_RENTING,
    /** 随迁子女: hukou elsewhere, residence permit, registered rental and social insurance or a business. */
    MIGRANT,
    /** 优待对象: military or high-level-talent families. */
    PREFERENTIAL
}
