package org.oneenroll.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.util.EnumSet;
import java.util.Set;
import org.oneenroll.identity.entity.SealedTextConverter;
import org.oneenroll.verification.entity.GovernmentSource;

/**
 * 授权: a guardian allowed OneEnroll to ask these government sources about the family for this case, at this
 * time, having been shown this version of the statement. Without a consent in force nothing is asked; a
 * withdrawn consent stays on record.
 */
@Entity
@Table(name = "consent")
public class Consent {

    @Id
    @SequenceGenerator(name = "consent_seq", sequenceName = "consent_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    private EnrollmentCase enrollmentCase;

    @Convert(converter = SealedTextConverter.class)
    @Column(name = "guardian_name_sealed")
    private String guardianName;

    @Column(name = "guardian_digest", nullable = false)
    private byte[] guardianDigest;

    @Column(name = "guardian_masked", nullable = false, length = 18)
    private String guardianMasked;

    @Convert(converter = SourceScopeConverter.class)
    @Column(nullable = false, length = 400)
    private Set<GovernmentSource> scope;

    @Column(name = "statement_version", nullable = false, length = 16)
    private String statementVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Channel channel;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected Consent() {}

    Consent(
            EnrollmentCase enrollmentCase,
            String guardianName,
            byte[] guardianDigest,
            String guardianMasked,
            Set<GovernmentSource> scope,
            String statementVersion,
            Channel channel,
            String recordedBy,
            Instant grantedAt) {
        this.enrollmentCase = enrollmentCase;
        this.guardianName = guardianName;
        this.guardianDigest = guardianDigest.clone();
        this.guardianMasked = guardianMasked;
        this.scope = EnumSet.copyOf(scope);
        this.statementVersion = statementVersion;
        this.channel = channel;
        this.recordedBy = recordedBy;
        this.grantedAt = grantedAt;
    }

    void withdraw(Instant at) {
        if (withdrawnAt == null) {
            withdrawnAt = at;
        }
    }

    public boolean inForce() {
        return withdrawnAt == null;
    }

    /** Whether the consent is in force and covers every one of {@code sources}. */
    public boolean covers(Set<GovernmentSource> sources) {
        return inForce() && scope.containsAll(sources);
    }

    public String guardianName() {
        return guardianName;
    }

    public String guardianMasked() {
        return guardianMasked;
    }

    public Set<GovernmentSource> scope() {
        return scope.isEmpty() ? EnumSet.noneOf(GovernmentSource.class) : EnumSet.copyOf(scope);
    }

    public String statementVersion() {
        return statementVersion;
    }

    public Channel channel() {
        return channel;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }
}
