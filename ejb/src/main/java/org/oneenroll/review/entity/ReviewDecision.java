package org.oneenroll.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One reviewer's decision on a case, kept for the archive and the statistics: what, why (reason and 办理意见),
 * the proofs and deadline of a return, who, when, and how long the case had waited since it was submitted.
 * The idempotency key makes a repeated request the same decision, not a second one.
 */
@Entity
@Table(name = "review_decision")
@NamedQuery(name = ReviewDecision.BY_KEY, query = "select d from ReviewDecision d where d.idempotencyKey = :key")
@NamedQuery(
        name = ReviewDecision.OF_CASE,
        query = "select d from ReviewDecision d where d.caseId = :caseId order by d.decidedAt, d.id")
public class ReviewDecision {

    public static final String BY_KEY = "ReviewDecision.byKey";
    public static final String OF_CASE = "ReviewDecision.ofCase";

    @Id
    @SequenceGenerator(name = "review_decision_seq", sequenceName = "review_decision_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_decision_seq")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Column(name = "idempotency_key", nullable = false, unique = true, length = 100)
    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DecisionKind decision;

    @Column(name = "reason_code", length = 32)
    private String reasonCode;

    @Column(name = "reviewer_comment", length = 500)
    private String comment;

    // All thirteen proofs named, comma-separated, take 240 characters.
    @Column(length = 400)
    private String proofs;

    private LocalDate deadline;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(name = "county_code", nullable = false, length = 6)
    private String countyCode;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "seconds_to_decision", nullable = false)
    private long secondsToDecision;

    @Column(name = "case_version", nullable = false)
    private long caseVersion;

    protected ReviewDecision() {}

    public ReviewDecision(
            long caseId,
            String idempotencyKey,
            DecisionKind decision,
            String reasonCode,
            String comment,
            String proofs,
            LocalDate deadline,
            String actor,
            String countyCode,
            Instant submittedAt,
            Instant decidedAt,
            long caseVersion) {
        this.caseId = caseId;
        this.idempotencyKey = idempotencyKey;
        this.decision = decision;
        this.reasonCode = reasonCode;
        this.comment = comment;
        this.proofs = proofs;
        this.deadline = deadline;
        this.actor = actor;
        this.countyCode = countyCode;
        this.decidedAt = decidedAt;
        this.secondsToDecision = submittedAt == null
                ? 0
                : Math.max(0, Duration.between(submittedAt, decidedAt).toSeconds());
        this.caseVersion = caseVersion;
    }

    public Long id() {
        return id;
    }

    public long caseId() {
        return caseId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public DecisionKind decision() {
        return decision;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public String comment() {
        return comment;
    }

    public String proofs() {
        return proofs;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public String actor() {
        return actor;
    }

    public String countyCode() {
        return countyCode;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public long secondsToDecision() {
        return secondsToDecision;
    }

    public long caseVersion() {
        return caseVersion;
    }
}
