package org.oneenroll.verification.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneenroll.identity.entity.SealedTextConverter;
import org.oneenroll.policy.entity.FamilyCategory;

/**
 * One verification of a case, kept for good: when it ran and why (submission, re-check, recovery), where it
 * left the case, the derived category, the evidence lines in clear (no personal data) and the whole result,
 * records included, sealed. A re-check is a new run; earlier runs stay as they were.
 */
@Entity
@Table(name = "verification_run")
@NamedQuery(
        name = CaseVerification.OF_CASE,
        query = "select distinct v from CaseVerification v left join fetch v.evidence where v.caseId = :caseId"
                + " order by v.runNumber")
public class CaseVerification {

    public static final String OF_CASE = "CaseVerification.ofCase";

    /** Why a verification ran. */
    public enum Trigger {
        /** The case was submitted. */
        SUBMISSION,
        /** The family asked for a re-check (我要复查) or staff did. */
        RECHECK,
        /** The server resumed a case that a restart or a failure had left unverified. */
        RECOVERY
    }

    @Id
    @SequenceGenerator(name = "verification_seq", sequenceName = "verification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "verification_seq")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Column(name = "run_number", nullable = false)
    private int runNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_reason", nullable = false, length = 32)
    private Trigger trigger;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    private Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private VerificationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private FamilyCategory category;

    @Column(name = "category_confirmed", nullable = false)
    private boolean categoryConfirmed;

    @Column(name = "zone_code", length = 32)
    private String zoneCode;

    @Column(name = "filled_count", nullable = false)
    private int filledCount;

    @Column(name = "offline_sources", nullable = false, length = 400)
    private String offlineSources;

    @Convert(converter = SealedTextConverter.class)
    @Column(name = "result_sealed", nullable = false)
    private String result;

    @ElementCollection
    @CollectionTable(name = "verification_evidence", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "position")
    private List<EvidenceEntry> evidence = new ArrayList<>();

    protected CaseVerification() {}

    /**
     * @param storedResult the result in its stored form (see {@code VerificationJson})
     * @param evidence     the result's evidence lines as stored in clear, in the result's order
     */
    public CaseVerification(
            long caseId,
            int runNumber,
            Trigger trigger,
            Instant startedAt,
            Instant finishedAt,
            VerificationResult outcome,
            String storedResult,
            List<EvidenceEntry> evidence) {
        this.caseId = caseId;
        this.runNumber = runNumber;
        this.trigger = trigger;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.status = outcome.status();
        this.category = outcome.category().category();
        this.categoryConfirmed = outcome.category().confirmed();
        this.zoneCode = outcome.category().zoneConcerned().map(ZoneUnits::code).orElse(null);
        this.filledCount = outcome.filled().count();
        this.offlineSources =
                outcome.offlineSources().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.result = storedResult;
        this.evidence = new ArrayList<>(evidence);
    }

    public Long id() {
        return id;
    }

    public long caseId() {
        return caseId;
    }

    public int runNumber() {
        return runNumber;
    }

    public Trigger trigger() {
        return trigger;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public VerificationStatus status() {
        return status;
    }

    public FamilyCategory category() {
        return category;
    }

    public boolean categoryConfirmed() {
        return categoryConfirmed;
    }

    public String zoneCode() {
        return zoneCode;
    }

    public int filledCount() {
        return filledCount;
    }

    /** The sources an offline check names. */
    public Set<GovernmentSource> offlineSources() {
        return offlineSources.isEmpty()
                ? Set.of()
                : java.util.Arrays.stream(offlineSources.split(","))
                        .map(GovernmentSource::valueOf)
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** The result in its stored form. */
    public String storedResult() {
        return result;
    }

    public List<EvidenceEntry> evidence() {
        return List.copyOf(evidence);
    }
}
