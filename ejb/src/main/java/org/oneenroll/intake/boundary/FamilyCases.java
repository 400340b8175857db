package org.oneenroll.intake.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.oneenroll.admission.boundary.Admissions;
import org.oneenroll.audit.boundary.AuditTrail;
import org.oneenroll.audit.entity.AuditAction;
import org.oneenroll.identity.boundary.ParentLogins;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.PersonName;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.Region;
import org.oneenroll.identity.entity.StaffAccount;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.control.CheckSummaries;
import org.oneenroll.intake.control.FamilyTimeline;
import org.oneenroll.intake.control.NextSteps;
import org.oneenroll.intake.control.ReceiptPdf;
import org.oneenroll.intake.entity.CaseNumber;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.CaseTransition;
import org.oneenroll.intake.entity.Consent;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.intake.entity.FamilyCase;
import org.oneenroll.intake.entity.FamilyCaseRow;
import org.oneenroll.intake.entity.Receipt;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.Plans;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.review.boundary.ReviewNotices;
import org.oneenroll.review.entity.DecisionKind;
import org.oneenroll.review.entity.ReviewNotice;
import org.oneenroll.verification.boundary.Verifications;
import org.oneenroll.verification.entity.VerificationResult;

/**
 * A family's cases, for the signed-in parent: the list, one case's status page (where it is, what the checks
 * found, what to do next) and its printed receipt, which counter staff and county staff of the case's county may
 * print too. The scope is the caller's phone (the keyed digest of the contact phone, the first condition of every
 * statement) or the staff member's county, never a parameter: another family's case reads exactly like a number
 * that does not exist.
 */
@Stateless
@DeclareRoles({
    ParentLogins.ROLE,
    StaffRole.Names.COUNTER_STAFF,
    StaffRole.Names.COUNTY_ADMIN,
    StaffRole.Names.COUNTY_REVIEWER
})
public class FamilyCases {

    private static final Logger LOG = Logger.getLogger(FamilyCases.class.getName());
    /** Where the counter is and when it is open: settings, else the county's education bureau and office hours. */
    static final String COUNTER_ADDRESS = "oneenroll.counter.address";

    static final String COUNTER_HOURS = "oneenroll.counter.hours";

    static final String MINE = "select c from EnrollmentCase c where c.contactPhoneDigest = :digest"
            + " order by c.submittedAt desc, c.id desc";
    static final String ONE_OF_MINE =
            "select c from EnrollmentCase c where c.contactPhoneDigest = :digest and c.caseNumber = :number";

    @PersistenceContext
    EntityManager em;

    @Inject
    Verifications verifications;

    @Inject
    Cases cases;

    @Inject
    ReviewNotices reviewNotices;

    @Inject
    Plans plans;

    @Inject
    Regions regions;

    @Inject
    StaffAccounts staff;

    @Inject
    AuditTrail audit;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** The signed-in parent's cases, newest first. */
    @RolesAllowed(ParentLogins.ROLE)
    public List<FamilyCaseRow> mine() {
        return em.createQuery(MINE, EnrollmentCase.class)
                .setParameter("digest", callerDigest())
                .getResultStream()
                .map(c -> new FamilyCaseRow(
                        c.caseNumber(),
                        PersonName.masked(c.childName()),
                        c.stage().label(),
                        c.status(),
                        c.status().label(),
                        c.submittedAt()))
                .toList();
    }

    /**
     * One of the parent's cases for its status page; opening it is recorded in the audit trail.
     *
     * @throws InvalidValueException for a malformed number, or one that is not the caller's (the same answer as a
     *                               number that does not exist)
     */
    @RolesAllowed(ParentLogins.ROLE)
    public FamilyCase view(String caseNumber) {
        EnrollmentCase c = own(caseNumber);
        Optional<VerificationResult> latest =
                c.verificationCount() == 0 ? Optional.empty() : verifications.latest(c.caseNumber());
        audit.record(AuditAction.RECORD_VIEW, c.childId(), c.caseNumber(), text("family.audit.view"), null);
        return new FamilyCase(
                c.caseNumber(),
                PersonName.masked(c.childName()),
                c.stage().label(),
                text("review.type." + c.type().name()),
                text("review.channel." + c.channel().name()),
                regions.fullName(c.county()),
                c.status(),
                c.status().label(),
                c.submittedAt(),
                FamilyTimeline.of(c.history()),
                latest.map(CheckSummaries::of).orElse(List.of()),
                NextSteps.of(situation(c, latest)),
                consentText(c),
                c.status().active() && c.consent().isPresent(),
                c.status().canMoveTo(CaseStatus.WITHDRAWN));
    }

    /** Longest reason a family may give for withdrawing: with "家长撤回申请：" it fits the history's 200-character note. */
    public static final int MAX_REASON = 190;

    /**
     * The parent withdraws the application (撤回申请), before review or while it is returned to the family for a proof
     * (the statuses {@code CaseStatus} lets move to WITHDRAWN): the case ends, the authorisation with it, the
     * provincial platform is told, and the child may apply again this year.
     *
     * @throws InvalidValueException (in Chinese) without a reason, or once the case is under review or decided
     */
    @RolesAllowed(ParentLogins.ROLE)
    public void withdraw(String caseNumber, String reason) {
        EnrollmentCase c = own(caseNumber);
        // Locked and read again: a reviewer taking the case at this moment (who locks it too) goes first or second,
        // and the status checked below is the one the withdrawal is written over.
        em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidValueException("reason", "family.withdraw.reason", MAX_REASON);
        }
        if (!c.status().canMoveTo(CaseStatus.WITHDRAWN)) {
            throw new InvalidValueException(
                    "reason", "family.withdraw.too-late", c.status().label());
        }
        cases.withdraw(c.caseNumber(), text("family.withdraw.note", why));
        LOG.info(() -> "Parent " + callerShown() + " withdrew case " + c.caseNumber());
    }

    /**
     * The parent withdraws the authorisation to query government data (撤回授权): nothing more is asked about the
     * family for this case. What the sources already answered stays with the case for its review; what could not be
     * checked is then checked at the counter. The withdrawal is kept with the consent.
     *
     * @throws InvalidValueException (in Chinese) when no authorisation is in force
     */
    @RolesAllowed(ParentLogins.ROLE)
    public void withdrawConsent(String caseNumber) {
        EnrollmentCase c = own(caseNumber);
        // Locked, read again and its version raised: a check starting at this moment (which writes the case with the
        // version it read) then fails instead of asking the sources after the withdrawal.
        em.refresh(c, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (!c.status().active() || c.consent().isEmpty()) {
            throw new InvalidValueException("consent", "family.consent.none");
        }
        cases.withdrawConsent(c.caseNumber());
        LOG.info(() -> "Parent " + callerShown() + " withdrew the authorisation of case " + c.caseNumber());
    }

    private String consentText(EnrollmentCase c) {
        Optional<Consent> inForce = c.consent();
        if (inForce.isPresent()) {
            return text("family.consent.in-force", Clocks.moment(inForce.get().grantedAt()));
        }
        return c.consents().stream()
                .map(Consent::withdrawnAt)
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .map(at -> text("family.consent.withdrawn", Clocks.moment(at)))
                .orElseGet(() -> text("family.consent.none-given"));
    }

    /**
     * The case's receipt as a PDF, for its family or for counter and county staff of its county (a walk-in family's
     * receipt is printed at the counter); the print is recorded in the audit trail.
     *
     * @param statusUrl the absolute address of the case's status page, for the QR code
     * @throws InvalidValueException for a malformed number, or a case outside the caller's scope (the same answer
     *                               as a number that does not exist)
     */
    @RolesAllowed({
        ParentLogins.ROLE,
        StaffRole.Names.COUNTER_STAFF,
        StaffRole.Names.COUNTY_ADMIN,
        StaffRole.Names.COUNTY_REVIEWER
    })
    public byte[] receipt(String caseNumber, String statusUrl) {
        EnrollmentCase c = session.isCallerInRole(ParentLogins.ROLE) ? own(caseNumber) : inCounty(caseNumber);
        Optional<VerificationResult> latest =
                c.verificationCount() == 0 ? Optional.empty() : verifications.latest(c.caseNumber());
        byte[] pdf = ReceiptPdf.render(new Receipt(
                c.caseNumber(),
                c.submittedAt(),
                PersonName.masked(c.childName()),
                c.stage().label(),
                text("review.type." + c.type().name()),
                regions.fullName(c.county()),
                c.status().label(),
                latest.map(CheckSummaries::of).orElse(List.of()),
                statusUrl,
                clock.instant()));
        audit.record(AuditAction.RECORD_EXPORT, c.childId(), c.caseNumber(), text("family.audit.receipt"), null);
        return pdf;
    }

    /** What the advice on the status page depends on, gathered from the case, its checks, review and plan. */
    private NextSteps.Situation situation(EnrollmentCase c, Optional<VerificationResult> latest) {
        Optional<ReviewNotice> notice =
                switch (c.status()) {
                    case RETURNED, REJECTED -> reviewNotices.latest(c.id());
                    default -> Optional.empty();
                };
        Optional<ReviewNotice> decided = notice.filter(n -> n.decision().outcome() == c.status());
        Optional<CaseTransition> placed = c.status() == CaseStatus.ADMITTED || c.status() == CaseStatus.REALLOCATED
                ? c.history().stream().filter(t -> t.to() == c.status()).reduce((a, b) -> b)
                : Optional.empty();
        LocalDate resultsOn = c.status() == CaseStatus.APPROVED
                ? plans.publishedFor(c.county(), c.year(), c.stage())
                        .map(EnrollmentPlan::resultsOn)
                        .orElse(null)
                : null;
        return new NextSteps.Situation(
                c.status(),
                c.consent().isPresent(),
                latest.map(CheckSummaries::pendingProofs).orElse(List.of()),
                decided.filter(n -> n.decision() == DecisionKind.RETURN)
                        .map(ReviewNotice::proofs)
                        .orElse(List.of()),
                c.proofDeadline() != null
                        ? c.proofDeadline()
                        : decided.map(ReviewNotice::deadline).orElse(null),
                decided.map(ReviewNotice::reason).orElse(null),
                decided.map(ReviewNotice::comment).orElse(null),
                placed.map(CaseTransition::note).orElse(null),
                resultsOn,
                placed.map(t -> LocalDate.ofInstant(t.occurredAt(), Clocks.SHANGHAI)
                                .plusDays(Admissions.DAYS_TO_ANSWER))
                        .orElse(null),
                counterAddress(c),
                Settings.value(COUNTER_HOURS).orElseGet(() -> text("family.counter.hours")),
                Settings.value(Admissions.HOTLINE_SETTING).orElse("12345"));
    }

    private String counterAddress(EnrollmentCase c) {
        return Settings.value(COUNTER_ADDRESS)
                .orElseGet(() -> text(
                        "family.counter.address",
                        regions.find(c.county().value())
                                .map(Region::name)
                                .orElse(c.county().value())));
    }

    /** The caller's case, or the refusal an unknown number gets. */
    private EnrollmentCase own(String caseNumber) {
        String number = CaseNumber.parse(caseNumber).toString();
        return em.createQuery(ONE_OF_MINE, EnrollmentCase.class)
                .setParameter("digest", callerDigest())
                .setParameter("number", number)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> refused(number));
    }

    /** A case of the county of the calling staff member (an active county-level account), or the same refusal. */
    private EnrollmentCase inCounty(String caseNumber) {
        String number = CaseNumber.parse(caseNumber).toString();
        Optional<StaffAccount> account = staff.findByUsername(caller()).filter(StaffAccount::active);
        return em.createNamedQuery(EnrollmentCase.BY_NUMBER, EnrollmentCase.class)
                .setParameter("number", number)
                .getResultStream()
                .findFirst()
                .filter(c -> account.map(a -> a.region().equals(c.county())).orElse(false))
                .orElseThrow(() -> refused(number));
    }

    private InvalidValueException refused(String number) {
        LOG.warning(() -> "Refused " + callerShown() + " case " + number + ": not theirs, or no such case");
        return new InvalidValueException("caseNumber", "case.unknown", number);
    }

    private byte[] callerDigest() {
        return cipher.digest(PhoneNumber.of(caller()).value());
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    /** The caller as a log line may name them: a parent's number masked. */
    private String callerShown() {
        String name = caller();
        try {
            return "parent " + PhoneNumber.of(name).masked();
        } catch (InvalidValueException notAPhone) {
            return name;
        }
    }

    private static String text(String key, Object... args) {
        return Messages.format(Messages.DEFAULT_LOCALE, key, args);
    }
}
