package org.oneenroll.policy.entity;

/** A plan is edited as a draft and becomes read-only and public once published. */
public enum PlanStatus {
    DRAFT,
    PUBLISHED
}
