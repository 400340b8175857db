package org.oneenroll.policy.entity;

/** The stage a child applies for: primary school (小学) or junior middle school (初中). */
public enum Stage {
    PRIMARY,
    JUNIOR
}
