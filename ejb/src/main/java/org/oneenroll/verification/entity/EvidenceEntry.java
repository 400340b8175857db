package org.oneenroll.verification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * One evidence line as stored in clear beside its run: which source, about whom (digest and masked number
 * only), the outcome, the mismatched and used fields, time, latency and attempts. Statistics ("data extraction
 * success per source") and the review queue's "failed source" filter read these; the records themselves are in
 * the run's sealed result.
 */
@Embeddable
public class EvidenceEntry {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private GovernmentSource source;

    @Column(name = "subject_digest", nullable = false)
    private byte[] subjectDigest;

    @Column(name = "subject_masked", nullable = false, length = 18)
    private String subjectMasked;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_relation", nullable = false, length = 24)
    private Relation subjectRelation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CheckOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private SourceFailure failure;

    @Column(length = 400)
    private String mismatched;

    @Column(name = "fields_used", nullable = false, length = 1000)
    private String fieldsUsed;

    @Column(name = "asked_at", nullable = false)
    private Instant askedAt;

    @Column(name = "latency_ms", nullable = false)
    private long latencyMs;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "query_id", nullable = false)
    private long queryId;

    protected EvidenceEntry() {}

    public EvidenceEntry(Evidence evidence, byte[] subjectDigest, String subjectMasked) {
        SourceAnswer answer = evidence.answer();
        this.source = evidence.source();
        this.subjectDigest = subjectDigest.clone();
        this.subjectMasked = subjectMasked;
        this.subjectRelation = evidence.subjectRelation();
        this.outcome = evidence.outcome();
        this.failure = answer == null ? null : answer.failure();
        this.mismatched = evidence.mismatches().isEmpty()
                ? null
                : cut(
                        String.join(
                                ",",
                                evidence.mismatches().stream()
                                        .map(FieldMismatch::field)
                                        .toList()),
                        400);
        this.fieldsUsed = cut(String.join(",", evidence.fieldsUsed()), 1000);
        this.askedAt = answer == null ? Instant.EPOCH : answer.askedAt();
        this.latencyMs = answer == null || answer.latency() == null
                ? 0
                : answer.latency().toMillis();
        this.attempts = answer == null ? 0 : answer.attempts();
        this.queryId = answer == null ? 0 : answer.queryId();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public GovernmentSource source() {
        return source;
    }

    public String subjectMasked() {
        return subjectMasked;
    }

    public Relation subjectRelation() {
        return subjectRelation;
    }

    public CheckOutcome outcome() {
        return outcome;
    }

    public SourceFailure failure() {
        return failure;
    }

    public String mismatched() {
        return mismatched;
    }

    public String fieldsUsed() {
        return fieldsUsed;
    }

    public Instant askedAt() {
        return askedAt;
    }

    public long latencyMs() {
        return latencyMs;
    }

    public int attempts() {
        return attempts;
    }

    public long queryId() {
        return queryId;
    }
}
