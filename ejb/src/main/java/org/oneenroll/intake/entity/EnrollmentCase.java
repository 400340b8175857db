package org.oneenroll.intake.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.LookupDigests;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.SealedNationalIdConverter;
import org.oneenroll.identity.entity.SealedPhoneConverter;
import org.oneenroll.identity.entity.SealedTextConverter;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.GovernmentSource;

/**
 * 办件: one child's application for one plan year and stage. The declaration (what the family typed) is
 * kept sealed as a whole; what queues and statistics filter on (county, stage, type, status, category, zone,
 * home town) is in clear. Every status change is a {@link CaseTransition}; a child has at most one active
 * case per plan year.
 */
@Entity
@Table(name = "enrollment_case")
@EntityListeners(LookupDigests.class)
@NamedQuery(name = EnrollmentCase.BY_NUMBER, query = "select c from EnrollmentCase c where c.caseNumber = :number")
@NamedQuery(
        name = EnrollmentCase.ACTIVE_BY_CHILD,
        query = "select c from EnrollmentCase c where c.activeChildDigest = :digest and c.year = :year")
@NamedQuery(
        name = EnrollmentCase.STALE,
        query = "select c.caseNumber from EnrollmentCase c where c.status in :statuses and c.statusChangedAt < :before"
                + " order by c.statusChangedAt")
@NamedQuery(
        name = EnrollmentCase.BY_STATUS,
        query = "select c from EnrollmentCase c where c.county = :county and c.year = :year and c.stage = :stage"
                + " and c.status = :status order by c.caseNumber")
@NamedQuery(name = EnrollmentCase.BY_NUMBERS, query = "select c from EnrollmentCase c where c.caseNumber in :numbers")
public class EnrollmentCase implements LookupDigests.Digested {

    public static final String BY_NUMBER = "EnrollmentCase.byNumber";
    public static final String BY_STATUS = "EnrollmentCase.byStatus";
    public static final String BY_NUMBERS = "EnrollmentCase.byNumbers";
    public static final String ACTIVE_BY_CHILD = "EnrollmentCase.activeByChild";
    public static final String STALE = "EnrollmentCase.stale";

    @Id
    @SequenceGenerator(name = "case_seq", sequenceName = "case_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_seq")
    private Long id;

    @Column(name = "case_number", nullable = false, unique = true, length = 24)
    private String caseNumber;

    @Column(name = "county_code", nullable = false, length = 6)
    private RegionCode county;

    @Column(name = "plan_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Stage stage;

    @Enumerated(EnumType.STRING)
    @Column(name = "application_type", nullable = false, length = 10)
    private ApplicationType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Channel channel;

    @Column(name = "entered_by", length = 64)
    private String enteredBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private CaseStatus status;

    @Column(name = "child_name", nullable = false, length = 64)
    private String childName;

    @Convert(converter = SealedNationalIdConverter.class)
    @Column(name = "child_id_sealed", nullable = false)
    private NationalId childId;

    @Column(name = "child_id_digest", nullable = false)
    private byte[] childIdDigest;

    @Column(name = "active_child_digest")
    private byte[] activeChildDigest;

    @Convert(converter = SealedPhoneConverter.class)
    @Column(name = "contact_phone_sealed")
    private PhoneNumber contactPhone;

    @Column(name = "contact_phone_digest")
    private byte[] contactPhoneDigest;

    @Column(name = "home_town_code", nullable = false, length = 9)
    private String homeTownCode;

    @Convert(converter = SealedTextConverter.class)
    @Column(name = "declaration_sealed", nullable = false)
    private String declaration;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private FamilyCategory category;

    @Column(name = "category_confirmed", nullable = false)
    private boolean categoryConfirmed;

    @Column(name = "zone_code", length = 32)
    private String zoneCode;

    @Column(name = "verification_count", nullable = false)
    private int verificationCount;

    @Column(name = "verification_resumes", nullable = false)
    private int verificationResumes;

    /** The sources whose answers did not confirm the declaration in the latest check, as {@code ,HUKOU,...,}. */
    @Column(name = "failed_sources", length = 400)
    private String failedSources;

    /** The staff member who took the case into review (and decides it). */
    @Column(length = 64)
    private String reviewer;

    /** The day a proof asked for on return is due, while the case is returned. */
    @Column(name = "proof_deadline")
    private java.time.LocalDate proofDeadline;

    /** The schools the family asked for, in order, where the plan lets them choose (private schools). */
    @jakarta.persistence.ElementCollection
    @jakarta.persistence.CollectionTable(
            name = "case_school_choice",
            joinColumns = @jakarta.persistence.JoinColumn(name = "case_id"))
    @jakarta.persistence.OrderColumn(name = "position")
    @Column(name = "school_code", length = 64)
    private List<String> schoolChoices = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @OneToMany(mappedBy = "enrollmentCase", cascade = CascadeType.PERSIST)
    @OrderBy("occurredAt, id")
    private List<CaseTransition> history = new ArrayList<>();

    @OneToMany(mappedBy = "enrollmentCase", cascade = CascadeType.PERSIST)
    @OrderBy("grantedAt, id")
    private List<Consent> consents = new ArrayList<>();

    @Version
    private long version;

    protected EnrollmentCase() {}

    /**
     * A case submitted now. {@code declaration} is the declaration in its stored form; {@code enteredBy} is the
     * counter staff member for a counter case, else {@code null}.
     */
    public EnrollmentCase(
            CaseNumber number,
            ApplicationType type,
            Channel channel,
            String enteredBy,
            String childName,
            NationalId childId,
            PhoneNumber contactPhone,
            String homeTownCode,
            String declaration,
            String actor,
            Instant now) {
        if (channel == Channel.COUNTER && (enteredBy == null || enteredBy.isBlank())) {
            throw new InvalidValueException("enteredBy", "case.counter-staff");
        }
        this.caseNumber = number.toString();
        this.county = number.county();
        this.year = number.year();
        this.stage = number.stage();
        this.type = type;
        this.channel = channel;
        this.enteredBy = enteredBy;
        this.childName = childName;
        this.childId = childId;
        this.contactPhone = contactPhone;
        this.homeTownCode = homeTownCode;
        this.declaration = declaration;
        this.createdAt = now;
        this.submittedAt = now;
        this.status = CaseStatus.SUBMITTED;
        this.statusChangedAt = now;
        history.add(new CaseTransition(this, now, actor, null, CaseStatus.SUBMITTED, channel.name()));
    }

    @Override
    public void refreshDigests(PersonalDataCipher cipher) {
        // Only the first persist sets the active digest; move() clears it (a change made while Hibernate flushes an
        // update might not be written).
        if (childIdDigest == null) {
            childIdDigest = cipher.digest(childId.value());
            activeChildDigest = status.active() ? childIdDigest : null;
        }
        contactPhoneDigest = contactPhone == null ? null : cipher.digest(contactPhone.value());
    }

    /**
     * Moves the case to {@code target}, recording who, when and why.
     *
     * @throws InvalidValueException if the case's status does not allow it (a stale screen, a double click)
     */
    public void move(CaseStatus target, String actor, Instant now, String note) {
        if (!status.canMoveTo(target)) {
            throw new InvalidValueException("status", "case.transition", caseNumber, status.label(), target.label());
        }
        history.add(new CaseTransition(this, now, actor, status, target, note));
        status = target;
        if (!target.active()) {
            activeChildDigest = null;
        }
        statusChangedAt = now;
    }

    /** Records the guardian's authorisation; an earlier one still in force is superseded. */
    public Consent grant(
            String guardianName,
            byte[] guardianDigest,
            String guardianMasked,
            Set<GovernmentSource> scope,
            String statementVersion,
            Channel channel,
            String recordedBy,
            Instant now) {
        if (scope.isEmpty()) {
            throw new InvalidValueException("scope", "consent.scope-empty");
        }
        consents.forEach(c -> c.withdraw(now));
        Consent consent = new Consent(
                this, guardianName, guardianDigest, guardianMasked, scope, statementVersion, channel, recordedBy, now);
        consents.add(consent);
        return consent;
    }

    /** Withdraws the authorisation: nothing more is asked until a new one is given. */
    public void withdrawConsent(Instant now) {
        consents.forEach(c -> c.withdraw(now));
    }

    /** The authorisation in force, if any. */
    public Optional<Consent> consent() {
        return consents.stream().filter(Consent::inForce).reduce((a, b) -> b);
    }

    /**
     * Claims an interrupted check for resuming it: the claim changes the case (so a second claimer's transaction
     * fails on the version) and moves its staleness clock. Returns how many times the check was resumed.
     */
    public int resumeVerification(Instant now) {
        verificationResumes++;
        statusChangedAt = now;
        return verificationResumes;
    }

    /** Takes the outcome of a verification: where the case stands, and the category the records support. */
    public void verified(
            CaseStatus outcome,
            FamilyCategory category,
            boolean confirmed,
            String zoneCode,
            String actor,
            Instant now,
            String note) {
        if (outcome != CaseStatus.VERIFIED && outcome != CaseStatus.NEEDS_OFFLINE_CHECK) {
            throw new IllegalArgumentException("a verification ends as VERIFIED or NEEDS_OFFLINE_CHECK: " + outcome);
        }
        move(outcome, actor, now, note);
        this.category = category;
        this.categoryConfirmed = confirmed;
        this.zoneCode = zoneCode;
        this.verificationCount++;
        this.verificationResumes = 0;
    }

    /** Notes which sources did not confirm the declaration in the latest check (the review queue filters on it). */
    public void sourcesNotConfirmed(Set<GovernmentSource> sources) {
        failedSources = sources.isEmpty()
                ? null
                : sources.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(",", ",", ","));
    }

    /**
     * A reviewer takes the checked (or returned and re-submitted) case into review: from now on it is theirs to
     * decide.
     *
     * @throws InvalidValueException if the case is not waiting for a review
     */
    public void takeForReview(String actor, Instant now) {
        move(CaseStatus.UNDER_REVIEW, actor, now, null);
        reviewer = actor;
        proofDeadline = null;
    }

    /**
     * The family added the proof a reviewer returned the case for: it goes back to that reviewer, under review.
     *
     * @throws InvalidValueException if the case is not returned
     */
    public void proofsAdded(String actor, Instant now) {
        if (status != CaseStatus.RETURNED) {
            throw new InvalidValueException("caseNumber", "apply.not-returned", caseNumber, status.label());
        }
        move(CaseStatus.UNDER_REVIEW, actor, now, "apply.proofs-added");
        proofDeadline = null;
    }

    /**
     * The reviewer's decision: approved, rejected, or returned for a proof due on {@code deadline}.
     *
     * @throws InvalidValueException if the case is not under review or the decision is not one
     */
    public void decide(CaseStatus decision, String actor, Instant now, String note, java.time.LocalDate deadline) {
        if (decision != CaseStatus.APPROVED && decision != CaseStatus.REJECTED && decision != CaseStatus.RETURNED) {
            throw new IllegalArgumentException("a review decides APPROVED, REJECTED or RETURNED: " + decision);
        }
        if (decision == CaseStatus.RETURNED && deadline == null) {
            throw new InvalidValueException("deadline", "review.deadline-required");
        }
        move(decision, actor, now, note);
        reviewer = actor;
        proofDeadline = decision == CaseStatus.RETURNED ? deadline : null;
    }

    /**
     * The schools the family asks for, in order; only while nobody has decided the case yet.
     *
     * @throws InvalidValueException once the case is under review or decided
     */
    public void choose(List<String> schoolCodes) {
        if (!status.verifiable() && status != CaseStatus.SUBMITTED) {
            throw new InvalidValueException("choices", "apply.choices-closed", status.label());
        }
        schoolChoices.clear();
        schoolChoices.addAll(schoolCodes);
    }

    public List<String> schoolChoices() {
        return List.copyOf(schoolChoices);
    }

    /** How many status changes the case has had, the submission included. */
    public int historySize() {
        return history.size();
    }

    public List<CaseTransition> history() {
        return List.copyOf(history);
    }

    public List<Consent> consents() {
        return List.copyOf(consents);
    }

    public Long id() {
        return id;
    }

    public CaseNumber number() {
        return CaseNumber.parse(caseNumber);
    }

    public String caseNumber() {
        return caseNumber;
    }

    public RegionCode county() {
        return county;
    }

    public int year() {
        return year;
    }

    public Stage stage() {
        return stage;
    }

    public ApplicationType type() {
        return type;
    }

    public Channel channel() {
        return channel;
    }

    public String enteredBy() {
        return enteredBy;
    }

    public CaseStatus status() {
        return status;
    }

    public String childName() {
        return childName;
    }

    public NationalId childId() {
        return childId;
    }

    public PhoneNumber contactPhone() {
        return contactPhone;
    }

    public String homeTownCode() {
        return homeTownCode;
    }

    /** The declaration in its stored form (see {@code VerificationJson}). */
    public String declaration() {
        return declaration;
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

    public int verificationCount() {
        return verificationCount;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    /** The sources that did not confirm the declaration in the latest check. */
    public Set<GovernmentSource> failedSources() {
        Set<GovernmentSource> sources = java.util.EnumSet.noneOf(GovernmentSource.class);
        if (failedSources != null) {
            for (String name : failedSources.split(",")) {
                if (!name.isEmpty()) {
                    sources.add(GovernmentSource.valueOf(name));
                }
            }
        }
        return sources;
    }

    public String reviewer() {
        return reviewer;
    }

    public java.time.LocalDate proofDeadline() {
        return proofDeadline;
    }

    public long version() {
        return version;
    }
}
