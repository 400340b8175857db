package org.oneenroll.admission.entity;

/** Why a child is still without a seat after reallocation; each reason points staff at a different follow-up. */
public enum UnplacedReason {
    /** The family lives in no zone of the plan and every school it chose is full. */
    NO_HOME_ZONE,
    /** No public school of the plan has a seat left. */
    NO_SEATS_LEFT,
    /** Seats are left, but none within the reallocation distance the plan allows. */
    NONE_WITHIN_REACH,
    /** The seats left within reach went to children ranked before this child. */
    OUTRANKED;

    public String messageKey() {
        return "admission.unplaced." + name();
    }
}
