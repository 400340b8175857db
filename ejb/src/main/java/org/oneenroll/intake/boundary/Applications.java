package org.oneenroll.intake.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffAccount;
import org.oneenroll.intake.control.ApplicationChecks;
import org.oneenroll.intake.control.IntakeYear;
import org.oneenroll.intake.control.ProofFiles;
import org.oneenroll.intake.entity.ApplicationDraft;
import org.oneenroll.intake.entity.ApplicationForm;
import org.oneenroll.intake.entity.ApplicationViews;
import org.oneenroll.intake.entity.CaseProof;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.ConsentGrant;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.Plans;
import org.oneenroll.policy.boundary.Schools;
import org.oneenroll.policy.boundary.Zones;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.School;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.boundary.Verifications;
import org.oneenroll.verification.control.PlanContexts;
import org.oneenroll.verification.entity.CheckOutcome;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.Evidence;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.OfflineCheck;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.Proof;
import org.oneenroll.verification.entity.VerificationResult;

/**
 * The application wizard for a parent online and for counter staff entering a walk-in family (帮办): drafts
 * saved at every step, the form checks, submission with the guardian's authorisation (the data checks start
 * once it commits), what the sources returned, school choices as the plan allows, proofs where a source could
 * not confirm, and the family's final confirmation. A parent reaches only drafts and cases of the phone they
 * signed in with; counter staff only those of their county they entered.
 */
@Stateless
@RolesAllowed({Applications.PARENT, Applications.COUNTER_STAFF})
public class Applications {

    public static final String PARENT = "PARENT";
    public static final String COUNTER_STAFF = "COUNTER_STAFF";
    /** Proofs a case may hold: enough for every source twice and some pages, not an open file store. */
    static final int MAX_PROOFS = 20;
    /** Unfinished applications one parent or one counter clerk may have at once (a busy counter day, twins). */
    static final int MAX_OPEN_DRAFTS = 10;
    /** The wizard's steps after the records (see the web's ApplyView): school choices, then proofs. */
    static final int STEP_CHOICES = 5;

    static final int STEP_PROOFS = 6;

    @PersistenceContext
    EntityManager em;

    @Inject
    Cases cases;

    @Inject
    Plans plans;

    @Inject
    Schools schools;

    @Inject
    Zones zones;

    @Inject
    PlanContexts planContexts;

    @Inject
    Verifications verifications;

    @Inject
    StaffAccounts staff;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    org.oneenroll.audit.boundary.AuditTrail audit;

    @Resource
    SessionContext session;

    /** The caller's open draft (the most recent), or a new one; a parent's guardian phone starts as theirs. */
    public ApplicationViews.Draft current() {
        String owner = ownerKey();
        return em.createNamedQuery(ApplicationDraft.OPEN_BY_OWNER, ApplicationDraft.class)
                .setParameter("owner", owner)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(this::view)
                .orElseGet(this::start);
    }

    /** A new draft: counter staff begin the next walk-in family, a parent applies for another child. */
    public ApplicationViews.Draft start() {
        List<ApplicationDraft> open = em.createNamedQuery(ApplicationDraft.OPEN_BY_OWNER, ApplicationDraft.class)
                .setParameter("owner", ownerKey())
                .getResultList();
        // a new draft nobody has typed into yet is the one to give again: pressing 新建 twice makes one draft
        Optional<ApplicationDraft> untouched = open.stream()
                .filter(d -> d.caseNumber() == null && d.step() == 0 && d.form().getChildName() == null)
                .findFirst();
        if (untouched.isPresent()) {
            return view(untouched.get());
        }
        if (open.size() >= MAX_OPEN_DRAFTS) {
            throw new InvalidValueException("draft", "apply.too-many-drafts", MAX_OPEN_DRAFTS);
        }
        RegionCode county = county();
        int year = IntakeYear.of(
                plans.published(county),
                clock.instant(),
                LocalDate.now(clock.withZone(Clocks.SHANGHAI)).getYear());
        ApplicationDraft d = new ApplicationDraft(ownerKey(), channel(), county, year, clock.instant());
        if (session.isCallerInRole(PARENT)) {
            ApplicationForm form = d.form();
            form.setGuardianPhone(callerPhone().value());
            d.save(form, 0, clock.instant());
        }
        em.persist(d);
        em.flush();
        return view(d);
    }

    /**
     * Opens a submitted case of the caller's for what is still open to the family: choices while nobody has
     * decided, and proofs, above all when a reviewer returned it for one.
     */
    public ApplicationViews.Draft forCase(String caseNumber) {
        EnrollmentCase c = ownCase(caseNumber);
        Optional<ApplicationDraft> open = em.createNamedQuery(ApplicationDraft.OPEN_BY_OWNER, ApplicationDraft.class)
                .setParameter("owner", ownerKey())
                .getResultStream()
                .filter(d -> c.caseNumber().equals(d.caseNumber()))
                .findFirst();
        if (open.isPresent()) {
            return view(open.get());
        }
        ApplicationDraft d = new ApplicationDraft(ownerKey(), channel(), c.county(), c.year(), clock.instant());
        ApplicationForm form = new ApplicationForm();
        form.setStage(c.stage().name());
        form.setType(c.type().name());
        form.setChildName(c.childName());
        form.setChoices(c.schoolChoices());
        // a case returned for a proof opens at the proofs; any other at the choices (the records come before both)
        d.save(form, c.status() == CaseStatus.RETURNED ? STEP_PROOFS : STEP_CHOICES, clock.instant());
        d.submitted(c.caseNumber(), clock.instant());
        em.persist(d);
        em.flush();
        return view(d);
    }

    /**
     * The county's towns, communities and compounds the zones of either stage cover, by town and name: what the
     * address fields offer, so a home is named the way the zones name it.
     */
    public List<ApplicationViews.AddressUnit> addressUnits(long draftId) {
        ApplicationDraft d = ownDraft(draftId);
        java.util.TreeSet<ApplicationViews.AddressUnit> units =
                new java.util.TreeSet<>(java.util.Comparator.comparing(ApplicationViews.AddressUnit::townCode)
                        .thenComparing(ApplicationViews.AddressUnit::community)
                        .thenComparing(u -> u.compound() == null ? "" : u.compound()));
        for (Stage stage : Stage.values()) {
            PlanContext context = planContexts.of(d.county(), d.year(), stage);
            context.zones().forEach(z -> z.unitKeys().forEach(key -> {
                String[] parts = key.split("/", 3);
                if (parts.length >= 2) {
                    units.add(new ApplicationViews.AddressUnit(
                            parts[0],
                            context.townNames().getOrDefault(parts[0], parts[0]),
                            parts[1],
                            parts.length == 3 ? parts[2] : null));
                }
            }));
        }
        return List.copyOf(units);
    }

    /**
     * Saves what was typed and the step reached, whatever is still wrong in it.
     *
     * @throws InvalidValueException when the draft changed in another window since {@code version}
     */
    public ApplicationViews.Draft save(long draftId, long version, ApplicationForm form, int step) {
        ApplicationDraft d = ownDraft(draftId);
        if (d.version() != version) {
            throw new InvalidValueException("draft", "apply.draft-changed");
        }
        d.save(form, step, clock.instant());
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new InvalidValueException("draft", "apply.draft-changed");
        }
        return view(d);
    }

    /** The problems of one step's fields for the draft's plan and today; empty when the step may be left. */
    public List<ApplicationChecks.Problem> check(long draftId, ApplicationForm form, ApplicationChecks.Step step) {
        ApplicationDraft d = ownDraft(draftId);
        return checks(d, form).check(form, step);
    }

    /**
     * Submits the draft's form with the guardian's authorisation: the case is opened and the government sources
     * are asked as soon as this commits. The form must be complete and right, the window open, and the child
     * without another active case this year.
     *
     * @throws InvalidValueException naming what stops it, in Chinese
     */
    public ApplicationViews.Draft submit(long draftId, long version, ApplicationForm form) {
        ApplicationDraft d = ownDraft(draftId);
        if (d.caseNumber() != null) {
            return view(d);
        }
        d.save(form, d.step(), clock.instant());
        if (d.version() != version) {
            throw new InvalidValueException("draft", "apply.draft-changed");
        }
        List<ApplicationChecks.Problem> kind = checks(d, form).check(form, ApplicationChecks.Step.KIND);
        if (!kind.isEmpty()) {
            throw new InvalidValueException(
                    kind.get(0).field(), "apply.problem", kind.get(0).message());
        }
        Stage stage = Stage.valueOf(form.getStage());
        EnrollmentPlan plan = plans.publishedFor(d.county(), d.year(), stage)
                .orElseThrow(() ->
                        new InvalidValueException("stage", "apply.no-plan", String.valueOf(d.year()), stage.label()));
        Instant now = clock.instant();
        if (!windowOpen(plan, d.channel(), now)) {
            throw new InvalidValueException(
                    "stage", "apply.window-closed", stage.label(), windowText(plan, d.channel()));
        }
        PlanContext context = planContexts.of(d.county(), d.year(), stage);
        Declaration declaration = checks(d, form).declaration(form, context);
        NationalId child = NationalId.of(declaration.child().idNumber());
        cases.activeCase(child, d.year()).ifPresent(number -> {
            if (mayReach(cases.require(number))) {
                throw new InvalidValueException("childId", "apply.existing-case", number);
            }
        });
        PhoneNumber contact = session.isCallerInRole(PARENT) ? callerPhone() : PhoneNumber.of(form.getGuardianPhone());
        EnrollmentCase c = cases.submit(
                declaration,
                contact,
                d.channel(),
                ConsentGrant.forSources(declaration.guardians().get(0).idNumber(), context.sharedSources()));
        d.submitted(c.caseNumber(), now);
        d.save(form, Math.max(d.step(), 4), now);
        em.flush();
        return view(d);
    }

    /** What the government sources returned for the draft's case so far. */
    public ApplicationViews.Records records(long draftId) {
        EnrollmentCase c = draftCase(ownDraft(draftId));
        Optional<VerificationResult> latest = c.status() == CaseStatus.SUBMITTED || c.status() == CaseStatus.VERIFYING
                ? Optional.empty()
                : verifications.latest(c.caseNumber());
        List<ApplicationViews.SourceLine> sources = new ArrayList<>();
        List<ApplicationViews.Field> fields = new ArrayList<>();
        List<ApplicationViews.NeededProof> needed = new ArrayList<>();
        String category = null;
        if (latest.isPresent()) {
            VerificationResult r = latest.get();
            Map<GovernmentSource, CheckOutcome> worst = new LinkedHashMap<>();
            for (Evidence e : r.evidence()) {
                worst.merge(e.source(), e.outcome(), (a, b) -> rank(a) >= rank(b) ? a : b);
            }
            worst.forEach((source, outcome) -> sources.add(new ApplicationViews.SourceLine(
                    text("verification.source." + source.name()),
                    text("apply.outcome." + outcome.name()),
                    outcome == CheckOutcome.MATCHED)));
            r.filled()
                    .values()
                    .forEach((field, value) -> fields.add(new ApplicationViews.Field(
                            text("verification.filled." + field.name()), String.valueOf(value))));
            for (OfflineCheck o : r.offlineChecks()) {
                needed.add(new ApplicationViews.NeededProof(
                        o.proof(),
                        o.proof().label().render(null),
                        o.reason().render(null),
                        o.action().render(null)));
            }
            category = r.category().confirmed()
                    ? text("verification.category-name." + r.category().category())
                    : null;
        }
        if (latest.isPresent()) {
            // what the sources returned about the family, shown in full: a view of the record, as on a reviewer's
            // screen
            audit.record(
                    org.oneenroll.audit.entity.AuditAction.RECORD_VIEW,
                    c.childId(),
                    c.caseNumber(),
                    Messages.format(Messages.DEFAULT_LOCALE, "apply.audit.records", channelName()),
                    null);
        }
        return new ApplicationViews.Records(
                c.caseNumber(),
                c.status().label(),
                c.status() == CaseStatus.SUBMITTED || c.status() == CaseStatus.VERIFYING,
                category,
                sources,
                fields,
                needed,
                c.proofDeadline());
    }

    /**
     * The schools the family may name: the zone school the check found (where a child without choices goes)
     * and the private schools the plan's choice rule lets take choices (公民同招: each draws its own lottery).
     */
    public List<ApplicationViews.SchoolOption> schoolOptions(long draftId) {
        EnrollmentCase c = draftCase(ownDraft(draftId));
        EnrollmentPlan plan =
                plans.publishedFor(c.county(), c.year(), c.stage()).orElse(null);
        if (plan == null) {
            return List.of();
        }
        Map<String, Integer> seats = new LinkedHashMap<>();
        plan.seats().forEach(s -> seats.put(s.schoolCode(), s.seats()));
        List<String> zoneSchools = new ArrayList<>();
        if (c.zoneCode() != null) {
            zones.ofCounty(c.county()).stream()
                    .filter(z -> z.code().equals(c.zoneCode()) && z.stage() == c.stage())
                    .map(CatchmentZone::schools)
                    .forEach(s -> s.forEach(school -> zoneSchools.add(school.code())));
        }
        List<ApplicationViews.SchoolOption> options = new ArrayList<>();
        for (School s : schools.ofCounty(c.county())) {
            boolean zone = zoneSchools.contains(s.code());
            boolean privateSchool = s.ownership() == SchoolOwnership.PRIVATE && plan.acceptsChoices(s.code(), true);
            if (s.teaches(c.stage()) && seats.containsKey(s.code()) && (zone || privateSchool)) {
                options.add(new ApplicationViews.SchoolOption(
                        s.code(), s.name(), privateSchool, zone, seats.get(s.code())));
            }
        }
        options.sort((a, b) -> Boolean.compare(b.zoneSchool(), a.zoneSchool()));
        return options;
    }

    /** How many schools the plan lets the family name (0: none; the zone school needs no choice). */
    public int maxChoices(long draftId) {
        EnrollmentCase c = draftCase(ownDraft(draftId));
        return plans.publishedFor(c.county(), c.year(), c.stage())
                .map(EnrollmentPlan::maxChoices)
                .orElse(EnrollmentPlan.DEFAULT_MAX_CHOICES);
    }

    /**
     * The family's school choices, in order: private schools the plan lets take choices, as many as it allows (the
     * zone school needs none).
     *
     * @throws InvalidValueException for a school the plan does not offer, too many, or once the case is decided
     */
    public ApplicationViews.Draft choose(long draftId, long version, List<String> schoolCodes) {
        ApplicationDraft d = ownDraft(draftId);
        EnrollmentCase c = draftCase(d);
        // a private school's lottery is drawn over the choices made while applications were open
        plans.publishedFor(c.county(), c.year(), c.stage())
                .filter(p -> !windowOpen(p, d.channel(), clock.instant()))
                .ifPresent(p -> {
                    throw new InvalidValueException("choices", "apply.choices-window");
                });
        List<String> distinct = schoolCodes.stream().distinct().toList();
        int max = maxChoices(draftId);
        if (max == 0 && !distinct.isEmpty()) {
            throw new InvalidValueException("choices", "apply.choices-none");
        }
        if (distinct.size() > max) {
            throw new InvalidValueException("choices", "apply.choices-too-many", max);
        }
        Set<String> allowed = new java.util.HashSet<>();
        schoolOptions(draftId).stream()
                .filter(ApplicationViews.SchoolOption::privateSchool)
                .forEach(o -> allowed.add(o.code()));
        for (String code : distinct) {
            if (!allowed.contains(code)) {
                throw new InvalidValueException("choices", "apply.choice-unknown", code);
            }
        }
        c.choose(distinct);
        ApplicationForm form = d.form();
        form.setChoices(distinct);
        return save(draftId, version, form, Math.max(d.step(), STEP_CHOICES));
    }

    /**
     * Keeps a proof for the draft's case: a JPEG, PNG or PDF of at most 5 MB, recognised by its content, sealed
     * at rest.
     *
     * @throws InvalidValueException for an empty, too large or unrecognised file, too many, or a decided case
     */
    public ApplicationViews.ProofFile upload(long draftId, Proof proof, String fileName, byte[] content) {
        EnrollmentCase c = draftCase(ownDraft(draftId));
        if (!c.status().verifiable() && c.status() != CaseStatus.VERIFYING && c.status() != CaseStatus.SUBMITTED) {
            throw new InvalidValueException(
                    "proof", "apply.proof-closed", c.status().label());
        }
        if (content == null || content.length == 0) {
            throw new InvalidValueException("proof", "apply.proof-empty");
        }
        if (content.length > ProofFiles.MAX_BYTES) {
            throw new InvalidValueException(
                    "proof", "apply.proof-too-large", String.format("%.1f", content.length / 1048576.0), 5);
        }
        String type = ProofFiles.sniff(content)
                .orElseThrow(
                        () -> new InvalidValueException("proof", "apply.proof-type", ProofFiles.safeName(fileName)));
        long held = cases.proofs(c).size();
        if (held >= MAX_PROOFS) {
            throw new InvalidValueException("proof", "apply.proof-too-many", MAX_PROOFS);
        }
        CaseProof p = new CaseProof(
                c,
                proof,
                ProofFiles.safeName(fileName),
                type,
                content.length,
                sha256(content),
                cipher.sealBytes(content),
                actor(),
                channel(),
                clock.instant());
        em.persist(p);
        em.flush();
        return p.view();
    }

    /** The proofs kept for the draft's case, oldest first. */
    public List<ApplicationViews.ProofFile> proofs(long draftId) {
        return cases.proofs(draftCase(ownDraft(draftId)));
    }

    /** One of the caller's proofs, opened; opening it is recorded in the audit trail. */
    public ApplicationViews.ProofContent proof(long draftId, long proofId) {
        EnrollmentCase c = draftCase(ownDraft(draftId));
        ApplicationViews.ProofContent content = cases.openProof(c, proofId);
        audit.record(
                org.oneenroll.audit.entity.AuditAction.RECORD_VIEW,
                c.childId(),
                c.caseNumber(),
                Messages.format(Messages.DEFAULT_LOCALE, "apply.audit.proof", String.valueOf(proofId), channelName()),
                null);
        return content;
    }

    /**
     * The family confirms the application: the draft is done. A case returned for a proof goes back to its
     * reviewer, once a proof was added since the return.
     *
     * @throws InvalidValueException when the form was never submitted, or a returned case has no new proof
     */
    public ApplicationViews.Draft confirm(long draftId, long version) {
        ApplicationDraft d = ownDraft(draftId);
        if (d.version() != version) {
            throw new InvalidValueException("draft", "apply.draft-changed");
        }
        EnrollmentCase c = draftCase(d);
        if (c.status() == CaseStatus.RETURNED) {
            Instant returnedAt = c.statusChangedAt();
            boolean added =
                    cases.proofs(c).stream().anyMatch(p -> p.uploadedAt().isAfter(returnedAt));
            if (!added) {
                throw new InvalidValueException("proof", "apply.proof-missing");
            }
            cases.proofsAdded(c);
        }
        d.close(clock.instant());
        em.flush();
        return view(d);
    }

    /**
     * Whether the draft's channel takes applications now: online by the plan's online window; at the counter by its
     * counter days (whole days, Beijing time) where the plan has them, else by the online window.
     */
    static boolean windowOpen(EnrollmentPlan plan, Channel channel, Instant now) {
        if (channel == Channel.COUNTER && plan.counterOpens() != null && plan.counterCloses() != null) {
            LocalDate today = LocalDate.ofInstant(now, Clocks.SHANGHAI);
            return !today.isBefore(plan.counterOpens()) && !today.isAfter(plan.counterCloses());
        }
        return plan.windowOpenAt(now);
    }

    /** The window the channel is judged by, as the refusal names it. */
    private static String windowText(EnrollmentPlan plan, Channel channel) {
        if (channel == Channel.COUNTER && plan.counterOpens() != null && plan.counterCloses() != null) {
            return Messages.format(
                    Messages.DEFAULT_LOCALE,
                    "apply.window",
                    plan.counterOpens().toString(),
                    plan.counterCloses().toString());
        }
        return Messages.format(
                Messages.DEFAULT_LOCALE,
                "apply.window",
                Clocks.moment(plan.onlineOpens()),
                Clocks.moment(plan.onlineCloses()));
    }

    private ApplicationChecks checks(ApplicationDraft d, ApplicationForm form) {
        Stage stage = java.util.Arrays.stream(Stage.values())
                .filter(st -> st.name().equals(form.getStage()))
                .findFirst()
                .orElse(Stage.PRIMARY);
        PlanContext context = planContexts.of(d.county(), d.year(), stage);
        // the day records are judged on: a simulated platform's records are dated (demo, tests), as in verification
        LocalDate today = Settings.value("oneenroll.verification.check-date")
                .map(LocalDate::parse)
                .orElseGet(() -> LocalDate.now(clock.withZone(Clocks.SHANGHAI)));
        LocalDate opens = plans.publishedFor(d.county(), d.year(), stage)
                .map(p -> LocalDate.ofInstant(p.onlineOpens(), Clocks.SHANGHAI))
                .orElse(today);
        return new ApplicationChecks(
                new ApplicationChecks.Context(d.county(), context.townNames(), d.year(), today, opens));
    }

    private ApplicationViews.Draft view(ApplicationDraft d) {
        Instant now = clock.instant();
        List<ApplicationViews.StageWindow> windows = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            plans.publishedFor(d.county(), d.year(), stage)
                    .ifPresent(p -> windows.add(new ApplicationViews.StageWindow(
                            stage.name(), p.onlineOpens(), p.onlineCloses(), p.windowOpenAt(now))));
        }
        return new ApplicationViews.Draft(
                d.id(),
                d.version(),
                d.step(),
                d.form(),
                d.caseNumber(),
                d.channel(),
                d.county(),
                planContexts.of(d.county(), d.year(), Stage.PRIMARY).countyName(),
                d.year(),
                windows);
    }

    private ApplicationDraft ownDraft(long draftId) {
        ApplicationDraft d = em.find(ApplicationDraft.class, draftId);
        // One refusal for "not yours" and "no such draft": a number must not tell whose it is.
        if (d == null || !d.ownerKey().equals(ownerKey())) {
            throw new InvalidValueException("draft", "apply.draft-unknown");
        }
        return d;
    }

    private EnrollmentCase draftCase(ApplicationDraft d) {
        if (d.caseNumber() == null) {
            throw new InvalidValueException("draft", "apply.not-submitted");
        }
        return cases.require(d.caseNumber());
    }

    private EnrollmentCase ownCase(String caseNumber) {
        EnrollmentCase c = cases.find(caseNumber).orElse(null);
        if (c == null || !mayReach(c)) {
            throw new InvalidValueException("caseNumber", "case.unknown", caseNumber == null ? "" : caseNumber.strip());
        }
        return c;
    }

    /** A parent reaches the cases of their phone; counter staff the counter cases of their county. */
    private boolean mayReach(EnrollmentCase c) {
        if (session.isCallerInRole(PARENT)) {
            return c.contactPhone() != null && c.contactPhone().equals(callerPhone());
        }
        return c.channel() == Channel.COUNTER && c.county().equals(county());
    }

    private RegionCode county() {
        if (session.isCallerInRole(PARENT)) {
            return RegionCode.of(settings.homeRegion());
        }
        StaffAccount account = staff.findByUsername(session.getCallerPrincipal().getName())
                .filter(StaffAccount::active)
                .orElseThrow(() -> new InvalidValueException("staff", "apply.staff-unknown"));
        return account.region();
    }

    private String channelName() {
        return Messages.format(
                Messages.DEFAULT_LOCALE, "apply.audit.by." + channel().name());
    }

    private Channel channel() {
        return session.isCallerInRole(PARENT) ? Channel.ONLINE : Channel.COUNTER;
    }

    private String ownerKey() {
        if (session.isCallerInRole(PARENT)) {
            return "parent:"
                    + HexFormat.of().formatHex(cipher.digest(callerPhone().value()));
        }
        return "staff:" + session.getCallerPrincipal().getName();
    }

    private PhoneNumber callerPhone() {
        return PhoneNumber.of(session.getCallerPrincipal().getName());
    }

    private String actor() {
        return session.isCallerInRole(PARENT)
                ? "家长" + callerPhone().masked()
                : session.getCallerPrincipal().getName();
    }

    private static int rank(CheckOutcome o) {
        return switch (o) {
            case MATCHED -> 0;
            case NO_RECORD -> 1;
            case MISMATCH -> 2;
            case SOURCE_ERROR -> 3;
        };
    }

    private static String text(String key) {
        return Messages.format(Messages.DEFAULT_LOCALE, key);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
