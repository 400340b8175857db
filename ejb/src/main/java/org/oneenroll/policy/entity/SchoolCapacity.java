package org.oneenroll.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** How many grade-one (or grade-seven) seats and classes a school offers in one stage. */
@Embeddable
public class SchoolCapacity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Stage stage;

    @Column(nullable = false)
    private int seats;

    @Column(nullable = false)
    private int classes;

    protected SchoolCapacity() {}

    public SchoolCapacity(Stage stage, int seats, int classes) {
        if (seats < 0 || classes < 0) {
            throw new IllegalArgumentException("seats and classes cannot be negative");
        }
        this.stage = stage;
        this.seats = seats;
        this.classes = classes;
    }

    public Stage stage() {
        return stage;
    }

    public int seats() {
        return seats;
    }

    public int classes() {
        return classes;
    }
}
