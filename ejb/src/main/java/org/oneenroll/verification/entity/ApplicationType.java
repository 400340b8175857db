package org.oneenroll.verification.entity;

/**
 * The form a family applies on (报名类型): local hukou (本片区户籍, seed 000 附件1) or non-local (非本片区户籍,
 * 附件2, which adds the residence-permit fields). It decides which sources are asked, never the category.
 */
public enum ApplicationType {
    LOCAL,
    NON_LOCAL
}
