package org.oneenroll.policy.entity;

/**
 * The admission category of a family (招生类型), derived from verified records and never typed by a parent.
 * A plan orders them; the order is the priority tier.
 */
public enum FamilyCategory {
    /** 房户一致: property and hukou at the same address in the zone. */
    HOUSE_AND_HUKOU,
    /** 有房无户: property in the zone, hukou elsewhere. */
    HOUSE_ONLY,
    /** 有户无房 (1): hukou in the zone, living with an owning relative or in unit housing. */
    HUKOU_ONLY_RELATIVE,
    /** 有户无房 (2): hukou in the zone, renting. */
    HUKOU_ONLY_RENTING,
    /** 随迁子女 / 无房无户: residence permit, rental and social insurance. */
    MIGRANT,
    /** 优待对象: military, high-level talent and other preferential families. */
    PREFERENTIAL
}
