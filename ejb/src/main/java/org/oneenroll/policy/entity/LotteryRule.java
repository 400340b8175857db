package org.oneenroll.policy.entity;

/** How ties are broken where a tier is oversubscribed. */
public enum LotteryRule {
    /** One verifiable lottery number per child, used by every school (and alone by private schools). */
    SINGLE_NUMBER_PER_CHILD,
    /** A separate verifiable draw per school. */
    DRAW_PER_SCHOOL
}
