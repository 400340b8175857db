package org.oneenroll.intake.entity;

/** How a case came in: a guardian online, or counter staff entering it for a walk-in family (帮办). */
public enum Channel {
    ONLINE,
    COUNTER
}
