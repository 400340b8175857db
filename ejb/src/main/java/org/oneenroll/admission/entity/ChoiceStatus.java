package org.oneenroll.admission.entity;

/** What became of one school on a child's application list. */
public enum ChoiceStatus {
    /** The child was admitted here. */
    ADMITTED,
    /** The school filled with children ranked before this child. */
    OUTRANKED,
    /** The school offered no seats in this plan. */
    NO_SEATS,
    /** Never decided: the child was admitted at a school listed before it. */
    NOT_NEEDED;

    public String messageKey() {
        return "admission.choice." + name();
    }
}
