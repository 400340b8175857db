package org.oneenroll.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The next sequence of case numbers for one county, year and stage; locked while a number is taken. */
@Entity
@Table(name = "case_counter")
public class CaseCounter {

    @Id
    @Column(name = "counter_key", length = 16)
    private String key;

    @Column(name = "next_value", nullable = false)
    private long next;

    protected CaseCounter() {}

    public CaseCounter(String key) {
        this.key = key;
        this.next = 1;
    }

    /** Takes the next number. */
    public long take() {
        return next++;
    }
}
