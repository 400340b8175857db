package org.oneenroll.policy.entity;

/** The stage a child applies for: primary school (小学) or junior middle school (初中). */
public enum Stage {
    PRIMARY,
    JUNIOR;

    /** 小学 or 初中, as sentences and SMS name the stage: message key {@code stage.<NAME>}. */
    public String label() {
        return org.oneenroll.platform.control.Messages.format(
                org.oneenroll.platform.control.Messages.DEFAULT_LOCALE, "stage." + name());
    }
}
