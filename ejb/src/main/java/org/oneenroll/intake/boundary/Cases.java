package org.oneenroll.intake.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.intake.control.CaseNumbers;
import org.oneenroll.intake.entity.CaseAuthorised;
import org.oneenroll.intake.entity.CaseForVerification;
import org.oneenroll.intake.entity.CaseNumber;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.CaseStatusChanged;
import org.oneenroll.intake.entity.CaseTransition;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.Consent;
import org.oneenroll.intake.entity.ConsentGrant;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.Plans;
import org.oneenroll.policy.control.AgeRule;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.control.PlanContexts;
import org.oneenroll.verification.control.VerificationJson;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.PlanContext;

/**
 * Opens cases and moves them through their life: submission (online or at a counter) with the checks a
 * declaration must pass before anything is stored, the guardian's authorisation, withdrawal, and the status
 * changes verification reports. Refusals are {@link InvalidValueException}s with a Chinese message; a refused
 * call stores nothing.
 */
@Stateless
public class Cases {

    static final String SYSTEM = "system";
    /** How often a check a restart interrupted is resumed before the case goes to the counter. */
    static final int MAX_RESUMES = 3;

    static final int MAX_NAME = 64;

    @PersistenceContext
    EntityManager em;

    @Inject
    CaseNumbers numbers;

    @Inject
    Plans plans;

    @Inject
    PlanContexts planContexts;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    Clock clock;

    @Inject
    Event<CaseAuthorised> authorised;

    @Inject
    Event<CaseStatusChanged> changed;

    @Resource
    SessionContext session;

    /**
     * Submits a declaration as a new case of its plan. With {@code consent}, the guardian's authorisation is
     * recorded in the same transaction and the data checks start once it commits; without, the case waits for
     * {@link #authorise}.
     *
     * @param contact the phone the family is told on (results, requests for proofs)
     * @throws InvalidValueException when a number is malformed, the child is too young, the county has not
     *                               published the plan, or the child already has an active case this year
     */
    public EnrollmentCase submit(Declaration declaration, PhoneNumber contact, Channel channel, ConsentGrant consent) {
        PlanContext plan = declaration.plan();
        LocalDate today = LocalDate.now(clock.withZone(Clocks.SHANGHAI));
        NationalId child = checkedId("child", declaration.child(), today);
        checkedName("child", declaration.child());
        for (DeclaredPerson adult : declaration.adults()) {
            checkedId("guardian", adult, today);
            checkedName("guardian", adult);
        }
        if (plan.stage() == Stage.PRIMARY) {
            AgeRule.Verdict age = new AgeRule().primary(child.birthDate(), plan.planYear());
            if (!age.eligible()) {
                throw new InvalidValueException("child", age.messageKey(), age.arguments());
            }
        }
        if (plans.publishedFor(plan.county(), plan.planYear(), plan.stage()).isEmpty()) {
            throw new InvalidValueException(
                    "plan",
                    "case.no-plan",
                    plan.countyName(),
                    String.valueOf(plan.planYear()),
                    plan.stage().label());
        }
        if (activeCase(child, plan.planYear()).isPresent()) {
            // Not the number: whoever knows a child's ID number must not learn the family's case from a refusal.
            throw new InvalidValueException("child", "case.duplicate");
        }
        String actor = actor();
        if (channel == Channel.COUNTER && actor.equals(SYSTEM)) {
            throw new InvalidValueException("enteredBy", "case.counter-staff");
        }
        retryOnRace(() -> numbers.ensureCounter(plan.county(), plan.planYear(), plan.stage()));
        CaseNumber number = numbers.next(plan.county(), plan.planYear(), plan.stage());
        Instant now = clock.instant();
        EnrollmentCase c = new EnrollmentCase(
                number,
                declaration.type(),
                channel,
                channel == Channel.COUNTER ? actor : null,
                declaration.child().name(),
                child,
                contact,
                declaration.home().townCode(),
                VerificationJson.declaration(declaration),
                actor,
                now);
        em.persist(c);
        moved(c, null, null);
        if (consent != null) {
            grant(c, declaration, consent, channel, actor, now);
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (violates(e, "enrollment_case_active_child")) {
                // A second submission for the child committed meanwhile.
                throw new InvalidValueException("child", "case.duplicate-concurrent", child.masked());
            }
            throw e;
        }
        return c;
    }

    /**
     * Records a guardian's authorisation for the case (superseding one in force) and starts the data checks. The
     * guardian must be one the stored declaration names, whatever the caller says.
     */
    public Consent authorise(String caseNumber, ConsentGrant grant) {
        EnrollmentCase c = require(caseNumber);
        if (!c.status().verifiable()) {
            throw new InvalidValueException(
                    "caseNumber",
                    "case.not-verifiable",
                    c.caseNumber(),
                    c.status().label());
        }
        Declaration stored =
                VerificationJson.declaration(c.declaration(), planContexts.of(c.county(), c.year(), c.stage()));
        return grant(c, stored, grant, c.channel(), actor(), clock.instant());
    }

    /**
     * Withdraws the authorisation in force: nothing more is asked about the family for this case. A case whose first
     * check has not started yet goes to the offline check at once, since no check will start (the sweeper looks only
     * at cases with an authorisation in force) and the case must not wait for one.
     */
    public void withdrawConsent(String caseNumber) {
        EnrollmentCase c = require(caseNumber);
        c.withdrawConsent(clock.instant());
        if (c.status() == CaseStatus.SUBMITTED) {
            abandon(c, "verification.abandoned.consent-withdrawn");
        }
    }

    /** Whether the case has an authorisation in force (a check retrying a source asks before each retry). */
    public boolean consentInForce(String caseNumber) {
        return require(caseNumber).consent().isPresent();
    }

    /** Withdraws the application; the child may apply again this year. */
    public void withdraw(String caseNumber, String reason) {
        EnrollmentCase c = require(caseNumber);
        CaseStatus from = c.status();
        c.move(CaseStatus.WITHDRAWN, actor(), clock.instant(), reason);
        c.withdrawConsent(clock.instant());
        moved(c, from, reason);
    }

    public Optional<EnrollmentCase> find(String caseNumber) {
        String number = CaseNumber.parse(caseNumber).toString();
        return em.createNamedQuery(EnrollmentCase.BY_NUMBER, EnrollmentCase.class)
                .setParameter("number", number)
                .getResultStream()
                .findFirst();
    }

    /** The case, or a refusal that names the number. */
    public EnrollmentCase require(String caseNumber) {
        return find(caseNumber)
                .orElseThrow(() -> new InvalidValueException("caseNumber", "case.unknown", caseNumber.strip()));
    }

    /** The number of the child's active case in the plan year, if any. */
    public Optional<String> activeCase(NationalId child, int year) {
        return em.createNamedQuery(EnrollmentCase.ACTIVE_BY_CHILD, EnrollmentCase.class)
                .setParameter("digest", cipher.digest(child.value()))
                .setParameter("year", year)
                .getResultStream()
                .map(EnrollmentCase::caseNumber)
                .findFirst();
    }

    /** The case's history, oldest first. */
    public List<CaseTransition> history(String caseNumber) {
        return em.createQuery(
                        "select t from CaseTransition t where t.enrollmentCase.caseNumber = :number"
                                + " order by t.occurredAt, t.id",
                        CaseTransition.class)
                .setParameter("number", CaseNumber.parse(caseNumber).toString())
                .getResultList();
    }

    /** The consents given for the case, oldest first (withdrawn ones included). */
    public List<Consent> consents(String caseNumber) {
        return em.createQuery(
                        "select k from Consent k where k.enrollmentCase.caseNumber = :number order by k.grantedAt, k.id",
                        Consent.class)
                .setParameter("number", CaseNumber.parse(caseNumber).toString())
                .getResultList();
    }

    /** What verification needs of a case. */
    public CaseForVerification forVerification(String caseNumber) {
        EnrollmentCase c = require(caseNumber);
        return new CaseForVerification(
                c.id(),
                c.caseNumber(),
                c.county(),
                c.year(),
                c.stage(),
                c.status(),
                c.declaration(),
                c.consent().map(Consent::scope).orElse(EnumSet.noneOf(GovernmentSource.class)));
    }

    /** Which verification of a case is starting: the first, a re-check, or one a restart interrupted. */
    public enum Check {
        /** The first check after submission: the case is "submitted". */
        FIRST,
        /** A re-check (我要复查) or a check after a new proof: the case was checked or returned. */
        AGAIN,
        /** Catching up after a restart: the case is still "submitted" or "verifying". */
        RESUME
    }

    /**
     * Moves the case to "verifying" before its sources are asked, once the authorisation covers every source the
     * check needs.
     *
     * @return the number of this verification of the case (1 for the first)
     * @throws InvalidValueException without an authorisation covering {@code needed}, or when the case is not in
     *                               a status this kind of check starts from (a duplicate request, a withdrawal)
     */
    public int startVerification(String caseNumber, Set<GovernmentSource> needed, Check check) {
        EnrollmentCase c = require(caseNumber);
        CaseStatus status = c.status();
        Optional<Consent> consent = c.consent();
        if (consent.isEmpty()) {
            if (check == Check.RESUME && status == CaseStatus.VERIFYING) {
                // Withdrawn while a check was interrupted: nothing may be asked, and the case must not hang.
                abandon(c, "verification.abandoned.consent-withdrawn");
                return 0;
            }
            throw new InvalidValueException("consent", "verification.consent-missing", c.caseNumber());
        }
        if (status == CaseStatus.VERIFYING && check != Check.RESUME) {
            throw new InvalidValueException("caseNumber", "verification.in-progress", c.caseNumber());
        }
        boolean allowed =
                switch (check) {
                    case FIRST -> status == CaseStatus.SUBMITTED;
                    case AGAIN -> status != CaseStatus.SUBMITTED && status.verifiable();
                    case RESUME -> status == CaseStatus.SUBMITTED || status == CaseStatus.VERIFYING;
                };
        if (!allowed) {
            throw new InvalidValueException("caseNumber", "case.not-verifiable", c.caseNumber(), status.label());
        }
        if (!consent.get().covers(needed)) {
            Set<GovernmentSource> missing = EnumSet.copyOf(needed);
            missing.removeAll(consent.get().scope());
            if (check != Check.AGAIN) {
                // An automatic check that can never run: tell the family instead of retrying it for ever.
                abandon(c, "verification.abandoned.consent-scope");
                return 0;
            }
            throw new InvalidValueException(
                    "consent",
                    "verification.consent-scope",
                    c.caseNumber(),
                    missing.stream().map(GovernmentSource::chineseName).collect(Collectors.joining("、")));
        }
        if (status == CaseStatus.VERIFYING) {
            if (c.resumeVerification(clock.instant()) > MAX_RESUMES) {
                abandon(c, "verification.abandoned.interrupted");
                return 0;
            }
        } else {
            c.move(CaseStatus.VERIFYING, actor(), clock.instant(), check.name());
            moved(c, status, null);
        }
        return c.verificationCount() + 1;
    }

    /**
     * Ends a check that cannot be completed without asking anything more: the case goes to "needs offline check"
     * with the reason, so it never hangs in "submitted" or "verifying" and the family is told.
     */
    public void abandonVerification(String caseNumber, String reasonKey) {
        EnrollmentCase c = require(caseNumber);
        if (c.status() == CaseStatus.SUBMITTED || c.status() == CaseStatus.VERIFYING) {
            abandon(c, reasonKey);
        }
    }

    private void abandon(EnrollmentCase c, String reasonKey) {
        Instant now = clock.instant();
        if (c.status() == CaseStatus.SUBMITTED) {
            c.move(CaseStatus.VERIFYING, actor(), now, Check.RESUME.name());
            moved(c, CaseStatus.SUBMITTED, null);
        }
        CaseStatus from = c.status();
        c.verified(CaseStatus.NEEDS_OFFLINE_CHECK, c.category(), false, c.zoneCode(), actor(), now, reasonKey);
        moved(
                c,
                from,
                org.oneenroll.platform.control.Messages.format(
                        org.oneenroll.platform.control.Messages.DEFAULT_LOCALE, reasonKey));
    }

    /**
     * Where a verification left the case (called in the transaction that stores the verification).
     *
     * @param note    for the history (the reason's message key)
     * @param summary for the family: what could not be confirmed, or {@code null}
     */
    public void finishVerification(
            String caseNumber,
            CaseStatus outcome,
            FamilyCategory category,
            boolean confirmed,
            String zoneCode,
            String note,
            String summary,
            Set<GovernmentSource> notConfirmed) {
        EnrollmentCase c = require(caseNumber);
        CaseStatus from = c.status();
        c.verified(outcome, category, confirmed, zoneCode, actor(), clock.instant(), note);
        c.sourcesNotConfirmed(notConfirmed);
        moved(c, from, summary);
    }

    /**
     * The case locked for a reviewer's decision: a second reviewer deciding the same case waits here until the
     * first one's transaction ends, and then sees the case as the first one left it.
     */
    public EnrollmentCase lockForReview(String caseNumber) {
        String number = CaseNumber.parse(caseNumber).toString();
        return em.createNamedQuery(EnrollmentCase.BY_NUMBER, EnrollmentCase.class)
                .setParameter("number", number)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("caseNumber", "case.unknown", caseNumber.strip()));
    }

    /** A reviewer takes a locked case into review (see {@link #lockForReview}). */
    public void takeForReview(EnrollmentCase c) {
        CaseStatus from = c.status();
        c.takeForReview(actor(), clock.instant());
        moved(c, from, null);
    }

    /**
     * A reviewer's decision on a locked case under review.
     *
     * @param note     for the history: the reviewer's comment (办理意见) and reason
     * @param detail   for the family and the provincial platform, or {@code null}
     * @param deadline when returned: the day the proof is due
     */
    public void decide(
            EnrollmentCase c, CaseStatus decision, String note, String detail, java.time.LocalDate deadline) {
        CaseStatus from = c.status();
        c.decide(decision, actor(), clock.instant(), note, deadline);
        moved(c, from, detail);
    }

    /** The family added the proof the case was returned for: back to its reviewer (see {@link Applications}). */
    public void proofsAdded(EnrollmentCase c) {
        CaseStatus from = c.status();
        c.proofsAdded(actor(), clock.instant());
        moved(c, from, null);
    }

    /** The proofs kept for the case, oldest first: what a list shows, without reading the files. */
    public List<org.oneenroll.intake.entity.ApplicationViews.ProofFile> proofs(EnrollmentCase c) {
        return em.createNamedQuery(org.oneenroll.intake.entity.CaseProof.FILES_OF_CASE, Object[].class)
                .setParameter("case", c)
                .getResultStream()
                .map(row -> {
                    org.oneenroll.verification.entity.Proof proof = (org.oneenroll.verification.entity.Proof) row[1];
                    return new org.oneenroll.intake.entity.ApplicationViews.ProofFile(
                            (Long) row[0],
                            proof,
                            proof.label().render(null),
                            (String) row[2],
                            (String) row[3],
                            (Integer) row[4],
                            (Instant) row[5]);
                })
                .toList();
    }

    /**
     * One proof of the case, opened (the file unsealed).
     *
     * @throws InvalidValueException when the case holds no such proof
     */
    public org.oneenroll.intake.entity.ApplicationViews.ProofContent openProof(EnrollmentCase c, long proofId) {
        org.oneenroll.intake.entity.CaseProof p = em.find(org.oneenroll.intake.entity.CaseProof.class, proofId);
        if (p == null || !p.enrollmentCase().id().equals(c.id())) {
            throw new InvalidValueException("proof", "apply.proof-unknown");
        }
        return new org.oneenroll.intake.entity.ApplicationViews.ProofContent(
                p.fileName(), p.contentType(), cipher.openBytes(p.sealedContent()));
    }

    /** The approved cases of a county's stage in a plan year, by case number: the children of an admission round. */
    public List<EnrollmentCase> approved(org.oneenroll.identity.entity.RegionCode county, int year, Stage stage) {
        return em.createNamedQuery(EnrollmentCase.BY_STATUS, EnrollmentCase.class)
                .setParameter("county", county)
                .setParameter("year", year)
                .setParameter("stage", stage)
                .setParameter("status", CaseStatus.APPROVED)
                .getResultList();
    }

    /** The cases with these numbers, by number (unknown numbers are left out); one statement per 500 numbers. */
    public java.util.Map<String, EnrollmentCase> byNumbers(java.util.Collection<String> caseNumbers) {
        List<String> numbers = List.copyOf(caseNumbers);
        java.util.Map<String, EnrollmentCase> found = new java.util.HashMap<>();
        for (int from = 0; from < numbers.size(); from += 500) {
            em.createNamedQuery(EnrollmentCase.BY_NUMBERS, EnrollmentCase.class)
                    .setParameter("numbers", numbers.subList(from, Math.min(numbers.size(), from + 500)))
                    .getResultStream()
                    .forEach(c -> found.put(c.caseNumber(), c));
        }
        return found;
    }

    /**
     * Moves an approved case to its admission outcome (admitted, reallocated, waitlisted or unplaced) and tells
     * the outside like every other change ({@link CaseStatusChanged}: the provincial platform's feedback).
     *
     * @param detail for the family and the provincial platform: the result in words (at most 200 characters)
     * @return whether the case moved; {@code false} when it is no longer approved (withdrawn since the draw)
     */
    public boolean placed(EnrollmentCase c, CaseStatus outcome, String detail) {
        if (!CaseStatus.APPROVED.canMoveTo(outcome)) {
            throw new IllegalArgumentException(outcome + " is not an admission outcome");
        }
        if (c.status() != CaseStatus.APPROVED) {
            return false;
        }
        String shortDetail = detail == null || detail.length() <= 200 ? detail : detail.substring(0, 199) + "…";
        c.move(outcome, actor(), clock.instant(), shortDetail);
        moved(c, CaseStatus.APPROVED, shortDetail);
        return true;
    }

    /**
     * Cases whose check should have finished long ago: authorised but never started (the server stopped before
     * the check ran), or started and never finished (it stopped during the check). Oldest first.
     */
    public List<String> awaitingVerification(Instant changedBefore, int max) {
        List<String> numbers = new ArrayList<>(em.createQuery(
                        "select c.caseNumber from EnrollmentCase c where c.status = :submitted"
                                + " and c.statusChangedAt < :before and exists (select k from Consent k"
                                + " where k.enrollmentCase = c and k.withdrawnAt is null) order by c.statusChangedAt",
                        String.class)
                .setParameter("submitted", CaseStatus.SUBMITTED)
                .setParameter("before", changedBefore)
                .setMaxResults(max)
                .getResultList());
        numbers.addAll(em.createNamedQuery(EnrollmentCase.STALE, String.class)
                .setParameter("statuses", List.of(CaseStatus.VERIFYING))
                .setParameter("before", changedBefore)
                .setMaxResults(max)
                .getResultList());
        return numbers;
    }

    private void moved(EnrollmentCase c, CaseStatus from, String detail) {
        changed.fire(new CaseStatusChanged(
                c.caseNumber(),
                from,
                c.status(),
                c.statusChangedAt(),
                c.historySize(),
                c.childName(),
                c.stage(),
                c.contactPhone(),
                detail));
    }

    private Consent grant(
            EnrollmentCase c, Declaration declaration, ConsentGrant grant, Channel channel, String actor, Instant now) {
        String id = grant.guardianIdNumber().strip().toUpperCase(java.util.Locale.ROOT);
        DeclaredPerson guardian = declaration.guardians().stream()
                .filter(g -> g.idNumber().equals(id))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("guardian", "consent.not-guardian"));
        NationalId guardianId = NationalId.of(guardian.idNumber());
        Consent consent = c.grant(
                guardian.name(),
                cipher.digest(guardianId.value()),
                guardianId.masked(),
                grant.scope(),
                grant.statementVersion(),
                channel,
                actor,
                now);
        authorised.fire(new CaseAuthorised(c.caseNumber(), c.status() == CaseStatus.SUBMITTED));
        return consent;
    }

    private static void checkedName(String field, DeclaredPerson person) {
        if (person.name().codePointCount(0, person.name().length()) > MAX_NAME) {
            throw new InvalidValueException(field, "case.name-too-long", MAX_NAME);
        }
    }

    /** Whether a persistence failure is the violation of the named unique index or constraint. */
    static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // SQL state 23505 is a unique violation on PostgreSQL and H2 alike; both name the index in the message.
            if (t instanceof java.sql.SQLException sql
                    && "23505".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage())
                            .toLowerCase(java.util.Locale.ROOT)
                            .contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private static NationalId checkedId(String field, DeclaredPerson person, LocalDate today) {
        try {
            return NationalId.of(person.idNumber(), today);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, "case.person-id", person.name(), e.getMessage());
        }
    }

    private static void retryOnRace(Runnable action) {
        try {
            action.run();
        } catch (CaseNumbers.CounterRace raced) {
            // created by a concurrent submission: it exists now
        }
    }

    private String actor() {
        Principal caller = session.getCallerPrincipal();
        String name = caller == null ? null : caller.getName();
        if (name == null || name.equals("anonymous")) {
            return SYSTEM;
        }
        if (PARENT_PRINCIPAL.matcher(name).matches()) {
            // A parent signs in with their phone; the history keeps it masked like every screen and log.
            return "家长" + PhoneNumber.of(name).masked();
        }
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    private static final java.util.regex.Pattern PARENT_PRINCIPAL = java.util.regex.Pattern.compile("1[3-9]\\d{9}");
}
