package org.oneenroll.policy.entity;

/** Public (公办) or private (民办): private schools admit by lottery alone under the 公民同招 rules. */
public enum SchoolOwnership {
    PUBLIC,
    PRIVATE
}
