package org.oneenroll.audit.entity;

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
import java.time.Instant;

/**
 * One line of the audit trail. The person is kept as the keyed digest of their ID number (to find every line
 * about them) and its masked form (to show); the number itself never enters the trail. Never updated.
 */
@Entity
@Table(name = "audit_entry")
@NamedQuery(
        name = AuditEntry.BY_SUBJECT,
        query = "select a from AuditEntry a where a.subjectDigest = :digest order by a.at, a.id")
public class AuditEntry {

    public static final String BY_SUBJECT = "AuditEntry.bySubject";

    @Id
    @SequenceGenerator(name = "audit_seq", sequenceName = "audit_seq", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant at;

    @Column(nullable = false, length = 64)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private AuditAction action;

    @Column(name = "subject_digest", nullable = false)
    private byte[] subjectDigest;

    @Column(name = "subject_masked", nullable = false, length = 18)
    private String subjectMasked;

    /** What exactly: the source asked, the screen opened. */
    @Column(nullable = false, length = 64)
    private String target;

    /** Why: the case number, the stated purpose. */
    @Column(nullable = false, length = 200)
    private String purpose;

    @Column(length = 200)
    private String outcome;

    protected AuditEntry() {}

    public AuditEntry(
            Instant at,
            String actor,
            AuditAction action,
            byte[] subjectDigest,
            String subjectMasked,
            String target,
            String purpose,
            String outcome) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.subjectDigest = subjectDigest.clone();
        this.subjectMasked = subjectMasked;
        this.target = target;
        this.purpose = purpose;
        this.outcome = outcome;
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public AuditAction action() {
        return action;
    }

    public String subjectMasked() {
        return subjectMasked;
    }

    public String target() {
        return target;
    }

    public String purpose() {
        return purpose;
    }

    public String outcome() {
        return outcome;
    }
}
