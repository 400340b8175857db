package org.oneenroll.review.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.oneenroll.audit.boundary.AuditTrail;
import org.oneenroll.audit.entity.AuditAction;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.notification.boundary.Notifications;
import org.oneenroll.notification.entity.SmsTemplate;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.platform.control.Migrations;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.Schools;
import org.oneenroll.review.control.CaseDetails;
import org.oneenroll.review.control.DecisionRules;
import org.oneenroll.review.control.QueryPlans;
import org.oneenroll.review.control.QueueQuery;
import org.oneenroll.review.control.ReasonLists;
import org.oneenroll.review.control.Scopes;
import org.oneenroll.review.entity.BulkOutcome;
import org.oneenroll.review.entity.CaseDetail;
import org.oneenroll.review.entity.CaseRef;
import org.oneenroll.review.entity.DecisionKind;
import org.oneenroll.review.entity.DecisionOutcome;
import org.oneenroll.review.entity.DecisionRequest;
import org.oneenroll.review.entity.QueueFilter;
import org.oneenroll.review.entity.QueuePage;
import org.oneenroll.review.entity.QueueRow;
import org.oneenroll.review.entity.QueueSort;
import org.oneenroll.review.entity.ReviewDecision;
import org.oneenroll.review.entity.ReviewReason;
import org.oneenroll.review.entity.ReviewScope;
import org.oneenroll.verification.boundary.Verifications;
import org.oneenroll.verification.control.PlanContexts;
import org.oneenroll.verification.control.VerificationJson;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.Proof;
import org.oneenroll.verification.entity.VerificationResult;

/**
 * 资格审核: the reviewers' queue (paged and counted in the database), a case with its evidence, and the decisions
 * (approve, reject with a reason, return for a proof with a deadline, bulk approval of fully confirmed cases).
 * Every call is bounded by the caller's scope, derived from their account; a case outside it is answered as if
 * it did not exist. A decision carries the version the reviewer saw: a case changed since is refused, nothing
 * overwritten. Each decision is in the case's history, the decision archive and the audit trail.
 */
@Stateless
@RolesAllowed({
    StaffRole.Names.PROVINCE_SUPERVISOR,
    StaffRole.Names.CITY_SUPERVISOR,
    StaffRole.Names.COUNTY_ADMIN,
    StaffRole.Names.COUNTY_REVIEWER,
    StaffRole.Names.SCHOOL_REVIEWER
})
public class Reviews {

    private static final Logger LOG = Logger.getLogger(Reviews.class.getName());
    static final QueueQuery QUERY = new QueueQuery(Migrations.SCHEMA);
    /** The 办理意见 a bulk approval records: every source confirmed the case. */
    static final String BULK_COMMENT = Messages.format(Messages.DEFAULT_LOCALE, "review.bulk-comment");

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern(Messages.format(Messages.DEFAULT_LOCALE, "review.sms-day"));

    @PersistenceContext
    EntityManager em;

    @Inject
    Scopes scopes;

    @Inject
    ReasonLists reasonLists;

    @Inject
    QueryPlans plansForValues;

    @Inject
    Cases cases;

    @Inject
    Verifications verifications;

    @Inject
    PlanContexts plans;

    @Inject
    Notifications notifications;

    @Inject
    Schools schools;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** The caller's scope to look at cases (shown on the screens). */
    public ReviewScope scope() {
        return scope(ReviewScope.Purpose.READ);
    }

    /**
     * One page of the queue in the caller's scope, with the total and the counts per status (two statements).
     *
     * @throws InvalidValueException for a page out of range
     */
    public QueuePage queue(QueueFilter filter, QueueSort sort, int first, int size) {
        QueuePage counted = counts(filter);
        List<QueueRow> rows = first < counted.total() ? rows(filter, sort, first, size) : List.of();
        return new QueuePage(rows, counted.total(), counted.countsByStatus());
    }

    /** How many cases in the caller's scope the filter matches, and per status (no rows; one statement). */
    public QueuePage counts(QueueFilter filter) {
        ReviewScope scope = scope(ReviewScope.Purpose.READ);
        plansForValues.planForTheValues(em);
        @SuppressWarnings("unchecked")
        List<Object[]> countRows =
                QUERY.counts(scope, filter, schoolZones(filter)).nativeQuery(em).getResultList();
        var counts = QueueQuery.counts(countRows);
        return new QueuePage(List.of(), QueueQuery.total(counts, filter.statuses()), counts);
    }

    /**
     * A page of rows of the queue in the caller's scope (one statement).
     *
     * @throws InvalidValueException for a page out of range
     */
    public List<QueueRow> rows(QueueFilter filter, QueueSort sort, int first, int size) {
        if (first < 0 || size < 1 || size > QueueQuery.MAX_PAGE) {
            throw new InvalidValueException("page", "review.page", QueueQuery.MAX_PAGE);
        }
        ReviewScope scope = scope(ReviewScope.Purpose.READ);
        plansForValues.planForTheValues(em);
        @SuppressWarnings("unchecked")
        List<Object[]> page = QUERY.page(scope, filter, schoolZones(filter), sort, first, size)
                .nativeQuery(em)
                .getResultList();
        return page.stream().map(QueueQuery::row).toList();
    }

    private List<String> schoolZones(QueueFilter filter) {
        return filter.schoolCode() == null ? List.of() : scopes.zonesOf(filter.schoolCode());
    }

    /**
     * The case for the reviewer's screen; opening it is recorded in the audit trail.
     *
     * @throws InvalidValueException for a malformed number, or a case that does not exist or lies outside the
     *                               caller's scope (the same answer: a number reveals nothing)
     */
    public CaseDetail detail(String caseNumber) {
        ReviewScope scope = scope(ReviewScope.Purpose.READ);
        EnrollmentCase c = inScope(cases.require(caseNumber), scope, caseNumber);
        Optional<Declaration> declaration = Optional.empty();
        try {
            declaration = Optional.of(
                    VerificationJson.declaration(c.declaration(), plans.of(c.county(), c.year(), c.stage())));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Declaration of " + c.caseNumber() + " cannot be read under its plan: " + e);
        }
        var latest = c.verificationCount() == 0
                ? Optional.<VerificationResult>empty()
                : verifications.latest(c.caseNumber());
        boolean decidable = DecisionRules.decidable(c.status()) && mayDecide(c);
        audit.record(
                AuditAction.RECORD_VIEW,
                c.childId(),
                c.caseNumber(),
                Messages.format(Messages.DEFAULT_LOCALE, "review.audit.view"),
                null);
        return CaseDetails.of(c, declaration, latest, decisionsOf(c), reasonsByCode(), decidable);
    }

    /** The proofs the family uploaded or the counter scanned for the case, oldest first (not the files). */
    public List<org.oneenroll.intake.entity.ApplicationViews.ProofFile> proofs(String caseNumber) {
        ReviewScope scope = scope(ReviewScope.Purpose.READ);
        EnrollmentCase c = inScope(cases.require(caseNumber), scope, caseNumber);
        return cases.proofs(c);
    }

    /**
     * One proof of the case, opened for the reviewer's viewer; opening it is recorded in the audit trail.
     *
     * @throws InvalidValueException for a case outside the caller's scope or a proof it does not hold
     */
    public org.oneenroll.intake.entity.ApplicationViews.ProofContent proof(String caseNumber, long proofId) {
        ReviewScope scope = scope(ReviewScope.Purpose.READ);
        EnrollmentCase c = inScope(cases.require(caseNumber), scope, caseNumber);
        var content = cases.openProof(c, proofId);
        audit.record(
                AuditAction.RECORD_VIEW,
                c.childId(),
                c.caseNumber(),
                Messages.format(Messages.DEFAULT_LOCALE, "review.audit.proof", String.valueOf(proofId)),
                null);
        return content;
    }

    /** The schools of the caller's county, code to name, for the school filter (none above county level). */
    public Map<String, String> schools() {
        ReviewScope scope = scope(ReviewScope.Purpose.READ);
        Map<String, String> names = new LinkedHashMap<>();
        if (scope.level() == ReviewScope.Level.COUNTY) {
            schools.ofCounty(RegionCode.of(scope.regionPrefix())).forEach(s -> names.put(s.code(), s.name()));
        }
        return names;
    }

    /**
     * The reasons a case may be rejected for, in the order the caller's county keeps them (only county and school
     * reviewers decide; a supervisor's region has no list of its own and gets none).
     */
    public List<ReviewReason> reasons() {
        ReviewScope scope = scope(ReviewScope.Purpose.READ);
        if (scope.regionPrefix().length() != 6) {
            return List.of();
        }
        return reasonLists.of(scope.regionPrefix()).stream()
                .filter(ReviewReason::active)
                .toList();
    }

    /**
     * Takes a checked case into review (审核中): it is the caller's from now on.
     *
     * @throws InvalidValueException if the case changed since {@code seenVersion}, or cannot be taken
     */
    @RolesAllowed({StaffRole.Names.COUNTY_ADMIN, StaffRole.Names.COUNTY_REVIEWER, StaffRole.Names.SCHOOL_REVIEWER})
    public DecisionOutcome take(String caseNumber, long seenVersion) {
        ReviewScope scope = scope(ReviewScope.Purpose.DECIDE);
        EnrollmentCase c = inScope(cases.lockForReview(caseNumber), scope, caseNumber);
        requireSeen(c, seenVersion);
        if (c.status() != CaseStatus.UNDER_REVIEW) {
            cases.takeForReview(c);
        }
        em.flush();
        return new DecisionOutcome(c.caseNumber(), c.status(), c.version(), false);
    }

    /**
     * Decides a case. A case still waiting (checked, or returned) is taken into review on the way. Sending the
     * same request again (same idempotency key) changes nothing and answers as the first time.
     *
     * @throws InvalidValueException if the case changed since the reviewer saw it, lies outside the caller's
     *                               scope, or the request lacks what the decision needs (reason, comment, proof,
     *                               deadline)
     */
    @RolesAllowed({StaffRole.Names.COUNTY_ADMIN, StaffRole.Names.COUNTY_REVIEWER, StaffRole.Names.SCHOOL_REVIEWER})
    public DecisionOutcome decide(DecisionRequest request) {
        return decide(request, false);
    }

    /**
     * 批量审核通过: approves each case every source confirmed, each in its own transaction, so one refused case
     * (changed meanwhile, not fully confirmed, outside the scope) leaves the others approved.
     *
     * @param batchKey one key per bulk action (made when the reviewer opens it); a repeat approves nothing twice
     */
    @RolesAllowed({StaffRole.Names.COUNTY_ADMIN, StaffRole.Names.COUNTY_REVIEWER, StaffRole.Names.SCHOOL_REVIEWER})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BulkOutcome bulkApprove(List<CaseRef> refs, String batchKey) {
        if (refs.size() > QueueQuery.MAX_PAGE) {
            throw new InvalidValueException("cases", "review.bulk-too-many", QueueQuery.MAX_PAGE);
        }
        Reviews self = session.getBusinessObject(Reviews.class);
        List<String> approved = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (CaseRef ref : refs) {
            try {
                self.approveConfirmed(ref, batchKey + ":" + ref.caseNumber());
                approved.add(ref.caseNumber());
            } catch (InvalidValueException e) {
                refused.put(ref.caseNumber(), e.getMessage());
            } catch (EJBException e) {
                // Anything else (a lost connection, a concurrent change at commit) leaves this case as it was.
                LOG.log(Level.WARNING, "Bulk approval of " + ref.caseNumber() + " failed", e);
                refused.put(ref.caseNumber(), new InvalidValueException("case", "review.failed").getMessage());
            }
        }
        return new BulkOutcome(approved, refused);
    }

    /** One case of a bulk approval, in a transaction of its own (see {@link #bulkApprove}). */
    @RolesAllowed({StaffRole.Names.COUNTY_ADMIN, StaffRole.Names.COUNTY_REVIEWER, StaffRole.Names.SCHOOL_REVIEWER})
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DecisionOutcome approveConfirmed(CaseRef ref, String key) {
        return decide(DecisionRequest.approve(ref.caseNumber(), ref.seenVersion(), BULK_COMMENT, key), true);
    }

    private DecisionOutcome decide(DecisionRequest r, boolean onlyIfConfirmed) {
        ReviewScope scope = scope(ReviewScope.Purpose.DECIDE);
        // Lock first: a second reviewer waits here, then finds the case changed (or the same key decided).
        EnrollmentCase c = inScope(cases.lockForReview(r.caseNumber()), scope, r.caseNumber());
        Optional<ReviewDecision> earlier = em.createNamedQuery(ReviewDecision.BY_KEY, ReviewDecision.class)
                .setParameter("key", r.idempotencyKey())
                .getResultStream()
                .findFirst();
        if (earlier.isPresent()) {
            if (earlier.get().caseId() != c.id()) {
                throw new InvalidValueException("idempotencyKey", "review.key");
            }
            return new DecisionOutcome(c.caseNumber(), c.status(), c.version(), true);
        }
        requireSeen(c, r.seenVersion());
        boolean confirmed = CaseDetails.fullyConfirmed(c);
        if (onlyIfConfirmed && !DecisionRules.bulkApprovable(c.status(), confirmed)) {
            throw new InvalidValueException("caseNumber", "review.bulk-not-confirmed", c.caseNumber());
        }
        // Only a reason on the case's county's own list counts: another county's reason is "not on the list".
        Optional<ReviewReason> reason = r.reasonCode() == null
                ? Optional.empty()
                : reasonLists.find(c.county().value(), r.reasonCode());
        LocalDate today = LocalDate.now(clock.withZone(Clocks.SHANGHAI));
        DecisionRules.check(r, c.status(), confirmed, reason, today);
        long seen = c.version();
        if (c.status() != CaseStatus.UNDER_REVIEW) {
            cases.takeForReview(c);
        }
        String proofs =
                r.proofs().stream().map(Proof::label).map(l -> l.render(null)).collect(Collectors.joining("、"));
        String detail =
                switch (r.kind()) {
                    case APPROVE -> null;
                    case REJECT -> reason.map(ReviewReason::label).orElse(null);
                    case RETURN -> Messages.format(
                            Messages.DEFAULT_LOCALE,
                            "review.detail.returned",
                            proofs,
                            r.deadline().toString());
                };
        cases.decide(c, r.kind().outcome(), DecisionRules.note(r.kind(), reason, r.comment()), detail, r.deadline());
        em.persist(new ReviewDecision(
                c.id(),
                r.idempotencyKey(),
                r.kind(),
                r.reasonCode(),
                r.comment(),
                r.proofs().isEmpty()
                        ? null
                        : r.proofs().stream().map(Enum::name).collect(Collectors.joining(",")),
                r.deadline(),
                caller(),
                c.county().value(),
                c.submittedAt(),
                clock.instant(),
                seen));
        if (r.kind() == DecisionKind.RETURN && c.contactPhone() != null) {
            notifications.sms(
                    "review:" + r.idempotencyKey() + ":" + SmsTemplate.PROOF_REQUESTED,
                    c.contactPhone(),
                    SmsTemplate.PROOF_REQUESTED,
                    c.caseNumber(),
                    c.caseNumber(),
                    proofs,
                    r.deadline().format(DAY));
        }
        em.flush();
        // Written last, in its own transaction: only a decision that reached the database is audited.
        audit.record(
                AuditAction.REVIEW_DECISION,
                c.childId(),
                c.caseNumber(),
                Messages.format(
                        Messages.DEFAULT_LOCALE,
                        "review.audit.decision",
                        r.kind().outcome().label()),
                reason.map(ReviewReason::label).orElse(r.comment()));
        return new DecisionOutcome(c.caseNumber(), c.status(), c.version(), false);
    }

    private void requireSeen(EnrollmentCase c, long seenVersion) {
        if (c.version() != seenVersion) {
            throw new InvalidValueException(
                    "version",
                    "review.stale",
                    c.caseNumber(),
                    c.status().label(),
                    c.reviewer() == null ? Messages.format(Messages.DEFAULT_LOCALE, "review.system") : c.reviewer());
        }
    }

    private EnrollmentCase inScope(EnrollmentCase c, ReviewScope scope, String asked) {
        if (!scope.covers(c.county().value(), c.zoneCode())) {
            LOG.warning(() -> "Refused " + scope.username() + " case " + c.caseNumber() + " outside " + scope.level()
                    + " " + scope.regionPrefix());
            throw new InvalidValueException("caseNumber", "case.unknown", asked.strip());
        }
        return c;
    }

    private boolean mayDecide(EnrollmentCase c) {
        try {
            return scope(ReviewScope.Purpose.DECIDE).covers(c.county().value(), c.zoneCode());
        } catch (InvalidValueException supervisorOnly) {
            return false;
        }
    }

    private List<ReviewDecision> decisionsOf(EnrollmentCase c) {
        return em.createNamedQuery(ReviewDecision.OF_CASE, ReviewDecision.class)
                .setParameter("caseId", c.id())
                .getResultList();
    }

    private Map<String, ReviewReason> reasonsByCode() {
        return em.createQuery("select r from ReviewReason r", ReviewReason.class).getResultList().stream()
                .collect(Collectors.toMap(ReviewReason::code, Function.identity()));
    }

    private ReviewScope scope(ReviewScope.Purpose purpose) {
        return scopes.of(caller(), purpose);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
