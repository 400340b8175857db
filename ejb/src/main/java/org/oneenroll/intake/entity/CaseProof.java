package org.oneenroll.intake.entity;

import jakarta.persistence.Basic;
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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.oneenroll.verification.entity.Proof;

/**
 * A proof a family uploaded, or counter staff scanned, for a case where a source could not confirm it: the file
 * sealed at rest, with its checked type, size and SHA-256.
 */
@Entity
@Table(name = "case_proof")
@NamedQuery(
        name = CaseProof.FILES_OF_CASE,
        query = "select p.id, p.proof, p.fileName, p.contentType, p.size, p.uploadedAt from CaseProof p"
                + " where p.enrollmentCase = :case order by p.uploadedAt, p.id")
public class CaseProof {

    /** The list of a case's proofs without their files (a lazy basic column is not lazy without bytecode enhancement). */
    public static final String FILES_OF_CASE = "CaseProof.filesOfCase";

    @Id
    @SequenceGenerator(name = "case_proof_seq", sequenceName = "case_proof_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_proof_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    private EnrollmentCase enrollmentCase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Proof proof;

    // a scanner's or a phone's file name may hold a name or an ID number: sealed like the file
    @jakarta.persistence.Convert(converter = org.oneenroll.identity.entity.SealedTextConverter.class)
    @Column(name = "file_name_sealed", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 40)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private int size;

    @Column(nullable = false, length = 64)
    private String sha256;

    // sealed by the boundary (PersonalDataCipher.sealBytes): read only when someone opens the file
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content_sealed", nullable = false)
    private byte[] content;

    @Column(name = "uploaded_by", nullable = false, length = 64)
    private String uploadedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Channel channel;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected CaseProof() {}

    public CaseProof(
            EnrollmentCase enrollmentCase,
            Proof proof,
            String fileName,
            String contentType,
            int size,
            String sha256,
            byte[] sealedContent,
            String uploadedBy,
            Channel channel,
            Instant uploadedAt) {
        this.enrollmentCase = enrollmentCase;
        this.proof = proof;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.content = sealedContent;
        this.uploadedBy = uploadedBy;
        this.channel = channel;
        this.uploadedAt = uploadedAt;
    }

    /** What a list of proofs shows: kind, name, type, size and time, not the file. */
    public ApplicationViews.ProofFile view() {
        return new ApplicationViews.ProofFile(
                id, proof, proof.label().render(null), fileName, contentType, size, uploadedAt);
    }

    public Long id() {
        return id;
    }

    public EnrollmentCase enrollmentCase() {
        return enrollmentCase;
    }

    public Proof proof() {
        return proof;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public int size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public byte[] sealedContent() {
        return content;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Channel channel() {
        return channel;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
