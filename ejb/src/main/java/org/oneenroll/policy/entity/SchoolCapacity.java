package org.oneenroll.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * How many grade-one (or grade-seven) seats and classes a school offers in one stage. Seats need classes to sit in,
 * and no more than {@value #MAX_CLASS_SIZE} to a class: the national rule against oversized classes (大班额).
 */
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

    /** Children a class may hold at most: above this the Ministry counts a class as oversized (大班额). */
    public static final int MAX_CLASS_SIZE = 56;

    public SchoolCapacity(Stage stage, int seats, int classes) {
        if (seats < 0) {
            throw new InvalidValueException("seats", "school.seats-negative", stage.label(), seats);
        }
        if (classes < 0) {
            throw new InvalidValueException("classes", "school.classes-negative", stage.label(), classes);
        }
        if (seats > 0 && classes == 0) {
            throw new InvalidValueException("classes", "school.seats-without-classes", stage.label(), seats);
        }
        if (seats > classes * MAX_CLASS_SIZE) {
            throw new InvalidValueException(
                    "seats", "school.class-too-large", stage.label(), seats, classes, MAX_CLASS_SIZE);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof SchoolCapacity c && c.stage == stage && c.seats == seats && c.classes == classes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(stage, seats, classes);
    }
}
