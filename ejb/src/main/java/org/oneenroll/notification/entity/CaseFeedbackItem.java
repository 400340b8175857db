package org.oneenroll.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One status change of a case that the provincial service platform must know (办件回传), numbered per case so
 * the platform gets them in order; {@code caseNumber:sequence} is the idempotency key it sees.
 */
@Entity
@Table(name = "case_feedback")
@NamedQuery(
        name = CaseFeedbackItem.LAST_SEQUENCE,
        query = "select max(f.sequence) from CaseFeedbackItem f where f.caseNumber = :number")
@NamedQuery(
        name = CaseFeedbackItem.UNSENT_BEFORE,
        query = "select count(f) from CaseFeedbackItem f where f.caseNumber = :number and f.sequence < :sequence"
                + " and f.sentAt is null and f.refusedAt is null")
@NamedQuery(
        name = CaseFeedbackItem.OF_CASE,
        query = "select f from CaseFeedbackItem f where f.caseNumber = :number order by f.sequence")
public class CaseFeedbackItem {

    public static final String LAST_SEQUENCE = "CaseFeedbackItem.lastSequence";
    public static final String UNSENT_BEFORE = "CaseFeedbackItem.unsentBefore";
    public static final String OF_CASE = "CaseFeedbackItem.ofCase";

    @Id
    @SequenceGenerator(name = "feedback_seq", sequenceName = "feedback_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feedback_seq")
    private Long id;

    @Column(name = "case_number", nullable = false, length = 24)
    private String caseNumber;

    @Column(nullable = false)
    private int sequence;

    @Column(nullable = false, length = 24)
    private String status;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(length = 200)
    private String detail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "refused_at")
    private Instant refusedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 200)
    private String lastError;

    @Version
    private long version;

    protected CaseFeedbackItem() {}

    public CaseFeedbackItem(
            String caseNumber, int sequence, String status, Instant occurredAt, String detail, Instant createdAt) {
        this.caseNumber = caseNumber;
        this.sequence = sequence;
        this.status = status;
        this.occurredAt = occurredAt;
        this.detail = detail == null || detail.length() <= 200 ? detail : detail.substring(0, 200);
        this.createdAt = createdAt;
    }

    /** What the platform sees as the idempotency key. */
    public String key() {
        return caseNumber + ":" + sequence;
    }

    public void attempt() {
        attempts++;
    }

    public void sent(Instant at) {
        sentAt = at;
        lastError = null;
    }

    /** The platform refused the item as invalid: it is done (in the dead-letter queue), later items may go. */
    public void refused(Instant at, String error) {
        refusedAt = at;
        failed(error);
    }

    /** Whether nothing more will be done with it: sent, or refused by the platform. */
    public boolean settled() {
        return sentAt != null || refusedAt != null;
    }

    public Instant refusedAt() {
        return refusedAt;
    }

    public void failed(String error) {
        lastError = error == null || error.length() <= 200 ? error : error.substring(0, 200);
    }

    public Long id() {
        return id;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public int sequence() {
        return sequence;
    }

    public String status() {
        return status;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String detail() {
        return detail;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }
}
