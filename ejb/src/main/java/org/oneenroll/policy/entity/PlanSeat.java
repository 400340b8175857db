package org.oneenroll.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The seats one school offers under one plan (may be fewer than its capacity). */
@Embeddable
public class PlanSeat {

    @Column(name = "school_code", nullable = false, length = 16)
    private String schoolCode;

    @Column(nullable = false)
    private int seats;

    protected PlanSeat() {}

    public PlanSeat(String schoolCode, int seats) {
        if (seats < 0) {
            throw new IllegalArgumentException("seats cannot be negative");
        }
        this.schoolCode = schoolCode;
        this.seats = seats;
    }

    public String schoolCode() {
        return schoolCode;
    }

    public int seats() {
        return seats;
    }
}
