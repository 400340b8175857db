package org.oneenroll.admission.entity;

import java.util.Objects;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.SchoolOwnership;

/** One school as an admission run sees it: its code, public or private, and the seats the plan offers. */
public record SchoolSeats(String code, SchoolOwnership ownership, int seats) {

    public SchoolSeats {
        Codes.token("school", "admission.code.school", code);
        Objects.requireNonNull(ownership, "ownership");
        if (seats < 0) {
            throw new InvalidValueException("seats", "admission.plan.seats", code, seats);
        }
    }
}
