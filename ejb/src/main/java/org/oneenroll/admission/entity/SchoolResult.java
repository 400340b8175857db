package org.oneenroll.admission.entity;

import org.oneenroll.policy.entity.SchoolOwnership;

/**
 * One school's result: admitted in the main round, added by reallocation, seats left, and the cut-off (the
 * priority of the last child admitted in the main round; null when the school did not fill, so every child
 * who applied there got in).
 */
public record SchoolResult(
        String code, SchoolOwnership ownership, int seats, int admitted, int reallocated, Priority cutoff) {

    public int seatsLeft() {
        return seats - admitted - reallocated;
    }
}
