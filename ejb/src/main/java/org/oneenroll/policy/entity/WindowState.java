package org.oneenroll.policy.entity;

/** Where a moment lies against a plan's online application window: before it, inside it or after it. */
public enum WindowState {
    NOT_YET_OPEN,
    OPEN,
    CLOSED
}
