package org.oneenroll.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change of a case's status, with who made it, when and why: the case's history for reviewers and
 * parents, and the source of every "time taken" statistic.
 */
@Entity
@Table(name = "case_transition")
public class CaseTransition {

    static final int MAX_NOTE = 200;

    @Id
    @SequenceGenerator(name = "case_transition_seq", sequenceName = "case_transition_seq", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_transition_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    private EnrollmentCase enrollmentCase;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 64)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 24)
    private CaseStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 24)
    private CaseStatus to;

    @Column(length = MAX_NOTE)
    private String note;

    protected CaseTransition() {}

    CaseTransition(
            EnrollmentCase enrollmentCase,
            Instant occurredAt,
            String actor,
            CaseStatus from,
            CaseStatus to,
            String note) {
        this.enrollmentCase = enrollmentCase;
        this.occurredAt = occurredAt;
        this.actor = actor.length() <= 64 ? actor : actor.substring(0, 64);
        this.from = from;
        this.to = to;
        this.note = note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE);
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    /** The status before, or {@code null} for the case's first entry. */
    public CaseStatus from() {
        return from;
    }

    public CaseStatus to() {
        return to;
    }

    public String note() {
        return note;
    }
}
