package org.oneenroll.admission.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.oneenroll.admission.control.AdmissionEngine;
import org.oneenroll.admission.control.CaseApplicants;
import org.oneenroll.admission.control.MigrantPoints;
import org.oneenroll.admission.control.Publication;
import org.oneenroll.admission.control.RoundReports;
import org.oneenroll.admission.control.ZoneAdjacency;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.AdmissionPlan;
import org.oneenroll.admission.entity.AdmissionRound;
import org.oneenroll.admission.entity.Allocation;
import org.oneenroll.admission.entity.Applicant;
import org.oneenroll.admission.entity.LotterySeed;
import org.oneenroll.admission.entity.Placement;
import org.oneenroll.admission.entity.PublishOutcome;
import org.oneenroll.admission.entity.RoundPlacement;
import org.oneenroll.admission.entity.RoundStatus;
import org.oneenroll.admission.entity.RoundView;
import org.oneenroll.admission.entity.SchoolRow;
import org.oneenroll.admission.entity.UnplacedRow;
import org.oneenroll.admission.entity.WhatIfRequest;
import org.oneenroll.admission.entity.WhatIfView;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.entity.Region;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.notification.boundary.Notifications;
import org.oneenroll.notification.boundary.Notifications.SmsRequest;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.PlanSummary;
import org.oneenroll.policy.boundary.Plans;
import org.oneenroll.policy.boundary.Schools;
import org.oneenroll.policy.boundary.Zones;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.control.Scopes;
import org.oneenroll.review.entity.ReviewScope;
import org.oneenroll.verification.boundary.Verifications;
import org.oneenroll.verification.entity.FilledFields;
import org.oneenroll.verification.entity.VerificationResult;

/**
 * 录取: a county's admission rounds. The county administrator prepares a round from the approved cases (the
 * input and its hash are published before the lottery ceremony), types in the ceremony seed to draw it once,
 * compares what-if variants and publishes the result (cases moved, families texted, in one transaction);
 * supervisors of the city and province read. Every call is bounded by the caller's scope, derived from their
 * account, as review does: a round of another county is answered as if it did not exist.
 */
@Stateless
@RolesAllowed({StaffRole.Names.PROVINCE_SUPERVISOR, StaffRole.Names.CITY_SUPERVISOR, StaffRole.Names.COUNTY_ADMIN})
public class Admissions {

    private static final Logger LOG = Logger.getLogger(Admissions.class.getName());
    static final Locale LOCALE = Messages.DEFAULT_LOCALE;
    /** Days a family has to confirm an admission or answer a reallocation offer (interim, until the plan says). */
    public static final int DAYS_TO_ANSWER = 7;
    /** The hotline in the reallocation offer: {@code oneenroll.admission.hotline}, else the government's 12345. */
    public static final String HOTLINE_SETTING = "oneenroll.admission.hotline";

    @PersistenceContext
    EntityManager em;

    @Inject
    Scopes scopes;

    @Inject
    Cases cases;

    @Inject
    Plans plans;

    @Inject
    Schools schools;

    @Inject
    Zones zones;

    @Inject
    Regions regions;

    @Inject
    Verifications verifications;

    @Inject
    Notifications notifications;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** The caller's scope (county for an administrator, city or province for a supervisor). */
    public ReviewScope scope() {
        return scopes.of(session.getCallerPrincipal().getName(), ReviewScope.Purpose.READ);
    }

    /**
     * The published plans of a county's latest plan year (one per stage): what a round can be prepared for.
     *
     * @param countyCode the county; {@code null} for the caller's own county
     * @throws InvalidValueException for a county outside the caller's scope or no county chosen above county level
     */
    public List<PlanSummary> plans(String countyCode) {
        return plans.published(county(countyCode));
    }

    /** The rounds of a county's stage in a year, latest first. */
    public List<RoundView> rounds(String countyCode, int year, Stage stage) {
        RegionCode county = county(countyCode);
        return em.createNamedQuery(AdmissionRound.OF_STAGE, AdmissionRound.class)
                .setParameter("county", county)
                .setParameter("year", year)
                .setParameter("stage", stage)
                .getResultStream()
                .map(RoundView::of)
                .toList();
    }

    /** One round in the caller's scope. */
    public RoundView round(long roundId) {
        return RoundView.of(inScope(roundId));
    }

    /**
     * Prepares a round of the caller's county: every approved case of the year and stage becomes an applicant
     * (category and zone from the case, points for migrant children from the latest verification's filled fields,
     * no school choices yet: each child applies to the zone school), and the canonical input and its SHA-256 are
     * fixed for publication before the ceremony.
     *
     * @throws InvalidValueException when the county has no published plan for the year and stage, a round is
     *                               already open, or no case is approved
     */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public RoundView prepare(int year, Stage stage) {
        ReviewScope scope = actingScope();
        RegionCode county = RegionCode.of(scope.regionPrefix());
        EnrollmentPlan plan = plans.publishedFor(county, year, stage)
                .orElseThrow(() -> new InvalidValueException(
                        "plan", "admission.no-plan", regions.fullName(county), String.valueOf(year), stage.label()));
        List<AdmissionRound> earlier = roundsOf(county, year, stage);
        earlier.stream().filter(r -> r.status().open()).findFirst().ifPresent(r -> {
            throw new InvalidValueException(
                    "round",
                    "admission.round.open-exists",
                    r.roundNumber(),
                    r.status().label(LOCALE));
        });
        List<EnrollmentCase> approved = cases.approved(county, year, stage);
        if (approved.isEmpty()) {
            throw new InvalidValueException(
                    "round", "admission.no-approved", regions.fullName(county), String.valueOf(year), stage.label());
        }
        AdmissionInput input = AdmissionInput.of(seatsLeft(admissionPlan(plan), earlier), applicants(plan, approved));
        byte[] text = input.canonicalBytes();
        int number =
                earlier.stream().mapToInt(AdmissionRound::roundNumber).max().orElse(0) + 1;
        AdmissionRound round = new AdmissionRound(
                county,
                year,
                stage,
                number,
                plan.id(),
                input.plan().reference(),
                input.childCount(),
                text,
                input.sha256(),
                actor(),
                clock.instant());
        em.persist(round);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (violates(e, "admission_round_open")) {
                // Another administrator prepared the stage at the same moment.
                throw new InvalidValueException("round", "admission.round.concurrent");
            }
            throw e;
        }
        LOG.info(() -> "Admission round " + round.id() + " prepared for " + county + " " + year + " " + stage + ": "
                + round.childCount() + " children, input " + round.inputSha256());
        return RoundView.of(round);
    }

    /** The canonical input file of a round, byte for byte as hashed (to publish and to replay). */
    public byte[] input(long roundId) {
        return inScope(roundId).inputText();
    }

    /** The canonical result file of a drawn round, byte for byte as hashed; empty before the draw. */
    public byte[] result(long roundId) {
        byte[] result = inScope(roundId).resultText();
        return result == null ? new byte[0] : result;
    }

    /**
     * Draws the round with the seed from the public ceremony: the seed is recorded with the officer and the time,
     * the result is exactly what {@code ReplayDraw} prints for the stored input and this seed, and one placement
     * per child is stored with its explanation. A round is drawn once.
     *
     * @throws InvalidValueException for a malformed or short seed, or a round already drawn, published or
     *                               cancelled
     */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public RoundView draw(long roundId, String seedHex) {
        AdmissionRound round = locked(roundId);
        LotterySeed seed = LotterySeed.parse(seedHex == null ? "" : seedHex);
        round.requireDrawable();
        // The same path as the public replay: parse the stored bytes, run the engine on them.
        Allocation result = new AdmissionEngine().run(parse(round), seed);
        int unplaced = result.count(org.oneenroll.admission.entity.Route.UNPLACED);
        int reallocated = result.count(org.oneenroll.admission.entity.Route.REALLOCATED);
        round.drawn(
                seed.hex(),
                actor(),
                clock.instant(),
                result.canonicalBytes(),
                result.sha256(),
                result.childCount() - unplaced - reallocated,
                reallocated,
                unplaced);
        RoundReports reports = new RoundReports(LOCALE);
        for (int child = 0; child < result.childCount(); child++) {
            Placement p = result.placement(child);
            em.persist(new RoundPlacement(round.id(), p, reports.explanation(result, p.childRef())));
        }
        LOG.info(() -> "Admission round " + round.id() + " drawn: result " + round.resultSha256());
        return RoundView.of(round);
    }

    /**
     * Abandons a round before publication, with the reason (kept); another round can then be prepared.
     *
     * @throws InvalidValueException without a reason, or for a published or cancelled round
     */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public RoundView cancel(long roundId, String reason) {
        AdmissionRound round = locked(roundId);
        round.cancel(actor(), clock.instant(), reason);
        return RoundView.of(round);
    }

    /**
     * Publishes a drawn round in one transaction: every case still approved moves to admitted, reallocated or
     * unplaced (its feedback to the provincial platform follows the change), admitted and reallocated families
     * get one SMS each (the key names the round and the case, so nothing is sent twice), and unplaced children
     * stay on the follow-up list: nobody is texted a refusal.
     *
     * @throws InvalidValueException unless the round is drawn
     */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public PublishOutcome publish(long roundId) {
        AdmissionRound round = locked(roundId);
        round.require(RoundStatus.DRAWN);
        List<RoundPlacement> placements = placements(round);
        Map<String, EnrollmentCase> byNumber = cases.byNumbers(
                placements.stream().map(RoundPlacement::caseNumber).toList());
        Map<String, String> names = schoolNames(round.county());
        LocalDate answerBy = LocalDate.now(clock.withZone(Clocks.SHANGHAI)).plusDays(DAYS_TO_ANSWER);
        String day = answerBy.format(DateTimeFormatter.ofPattern(Messages.format(LOCALE, "review.sms-day")));
        String hotline = Settings.value(HOTLINE_SETTING).orElse("12345");
        RoundReports reports = new RoundReports(LOCALE);
        Publication publication = new Publication(round.id(), day, hotline);
        List<SmsRequest> sms = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<CaseStatus, Integer> moved = new java.util.EnumMap<>(CaseStatus.class);
        for (RoundPlacement row : placements) {
            Placement p = row.placement();
            EnrollmentCase c = byNumber.get(p.childRef());
            CaseStatus outcome = Publication.outcome(p);
            String detail = reports.result(p.route(), p.schoolCode(), names);
            if (c == null || !cases.placed(c, outcome, detail)) {
                skipped.add(p.childRef());
                continue;
            }
            moved.merge(outcome, 1, Integer::sum);
            String school = p.schoolCode() == null ? "" : names.getOrDefault(p.schoolCode(), p.schoolCode());
            publication.sms(p, c.childName(), c.contactPhone(), school).ifPresent(sms::add);
        }
        if (!sms.isEmpty()) {
            notifications.smsAll(sms);
        }
        round.published(actor(), clock.instant());
        LOG.info(() -> "Admission round " + round.id() + " published: " + moved + ", " + sms.size() + " SMS, "
                + skipped.size() + " skipped");
        return new PublishOutcome(
                RoundView.of(round),
                moved.getOrDefault(CaseStatus.ADMITTED, 0),
                moved.getOrDefault(CaseStatus.REALLOCATED, 0),
                moved.getOrDefault(CaseStatus.UNPLACED, 0),
                sms.size(),
                skipped);
    }

    /** The per-school table of a drawn round: seats, admitted, reallocated, left and the cut-off in words. */
    public List<SchoolRow> schools(long roundId) {
        AdmissionRound round = inScope(roundId);
        return new RoundReports(LOCALE).schools(allocation(round), schoolNames(round.county()));
    }

    /** The children a drawn round left without a seat, with the reason and the follow-up for staff. */
    public List<UnplacedRow> unplaced(long roundId) {
        AdmissionRound round = inScope(roundId);
        requireDrawn(round);
        List<RoundPlacement> rows = em.createNamedQuery(RoundPlacement.UNPLACED, RoundPlacement.class)
                .setParameter("round", round.id())
                .getResultList();
        Map<String, EnrollmentCase> byNumber =
                cases.byNumbers(rows.stream().map(RoundPlacement::caseNumber).toList());
        RoundReports reports = new RoundReports(LOCALE);
        return rows.stream()
                .map(p -> {
                    EnrollmentCase c = byNumber.get(p.caseNumber());
                    return new UnplacedRow(
                            p.caseNumber(),
                            c == null ? "" : c.childName(),
                            c == null || c.zoneCode() == null ? "" : c.zoneCode(),
                            p.unplacedReason(),
                            reports.reason(p.unplacedReason()),
                            reports.followUp(p.unplacedReason()));
                })
                .toList();
    }

    /**
     * A child's explanation in a drawn round, in Chinese.
     *
     * @throws InvalidValueException for a case that is not in the round (or a round out of scope)
     */
    public String explanation(long roundId, String caseNumber) {
        AdmissionRound round = inScope(roundId);
        requireDrawn(round);
        String number = caseNumber == null ? "" : caseNumber.strip().toUpperCase(Locale.ROOT);
        return em.createNamedQuery(RoundPlacement.OF_CASE, RoundPlacement.class)
                .setParameter("round", round.id())
                .setParameter("number", number)
                .getResultStream()
                .findFirst()
                .map(RoundPlacement::explanation)
                .orElseThrow(() -> new InvalidValueException("caseNumber", "admission.case-not-in-round", number));
    }

    /**
     * What a drawn round would give with other seats or another category order, with the same lottery numbers.
     * Nothing is stored, so supervisors may compare too.
     *
     * @throws InvalidValueException for an unknown school, negative seats or a repeated category
     */
    public WhatIfView whatIf(long roundId, WhatIfRequest request) {
        AdmissionRound round = inScope(roundId);
        return new RoundReports(LOCALE).whatIf(allocation(round), request, schoolNames(round.county()));
    }

    /** The categories a what-if may order (all of them, in the plan's order first). */
    public List<FamilyCategory> categoryOrder(long roundId) {
        AdmissionRound round = inScope(roundId);
        List<FamilyCategory> order = new ArrayList<>(parse(round).plan().categoryOrder());
        for (FamilyCategory c : FamilyCategory.values()) {
            if (!order.contains(c)) {
                order.add(c);
            }
        }
        return order;
    }

    // --- the pieces

    private AdmissionPlan admissionPlan(EnrollmentPlan plan) {
        List<CatchmentZone> ofStage = zones.ofCounty(plan.county()).stream()
                .filter(z -> z.stage() == plan.stage())
                .toList();
        Map<String, Set<String>> units = new HashMap<>();
        ofStage.forEach(z -> units.put(z.code(), z.unitKeys()));
        return AdmissionPlan.from(
                plan,
                schools.ofCounty(plan.county()),
                ofStage,
                new ZoneAdjacency().derive(units),
                AdmissionPlan.UNLIMITED_HOPS);
    }

    /**
     * The plan with the seats earlier published rounds of the stage filled taken away: a later round (cases approved
     * after the first publication) places children only in the seats still free.
     */
    private AdmissionPlan seatsLeft(AdmissionPlan plan, List<AdmissionRound> earlier) {
        List<Long> published = earlier.stream()
                .filter(r -> r.status() == RoundStatus.PUBLISHED)
                .map(AdmissionRound::id)
                .toList();
        if (published.isEmpty()) {
            return plan;
        }
        AdmissionPlan left = plan;
        for (Object[] row : em.createNamedQuery(RoundPlacement.SEATS_TAKEN, Object[].class)
                .setParameter("rounds", published)
                .getResultList()) {
            String school = (String) row[0];
            int taken = ((Number) row[1]).intValue();
            if (left.findSchool(school) >= 0) {
                left = left.withSeats(school, Math.max(0, left.seats(left.findSchool(school)) - taken));
            }
        }
        return left;
    }

    private List<Applicant> applicants(EnrollmentPlan plan, List<EnrollmentCase> approved) {
        Set<String> zoneCodes = zones.ofCounty(plan.county()).stream()
                .filter(z -> z.stage() == plan.stage())
                .map(CatchmentZone::code)
                .collect(Collectors.toSet());
        String province =
                regions.find(plan.county().province().value()).map(Region::name).orElse("");
        Set<String> planSchools =
                plan.seats().stream().map(PlanSeat::schoolCode).collect(Collectors.toSet());
        MigrantPoints points = new MigrantPoints(province, LocalDate.ofInstant(plan.onlineCloses(), Clocks.SHANGHAI));
        return new CaseApplicants(
                        zoneCodes,
                        caseNumber -> points.points(
                                plan.pointsScheme(),
                                verifications
                                        .latest(caseNumber)
                                        .map(VerificationResult::filled)
                                        .orElse(FilledFields.none())))
                .of(approved.stream()
                        .map(c -> new CaseApplicants.ApprovedCase(
                                c.caseNumber(),
                                c.category(),
                                c.zoneCode(),
                                // a school dropped from the plan since the family chose it is no choice any more
                                c.schoolChoices().stream()
                                        .filter(planSchools::contains)
                                        .toList()))
                        .toList());
    }

    private Allocation allocation(AdmissionRound round) {
        requireDrawn(round);
        Allocation result = new AdmissionEngine().run(parse(round), LotterySeed.parse(round.seedHex()));
        if (!result.sha256().equals(round.resultSha256())) {
            throw new IllegalStateException("round " + round.id() + " no longer replays to its published result");
        }
        return result;
    }

    private static AdmissionInput parse(AdmissionRound round) {
        return AdmissionInput.parse(new java.io.ByteArrayInputStream(round.inputText()));
    }

    private static void requireDrawn(AdmissionRound round) {
        if (round.status() != RoundStatus.DRAWN && round.status() != RoundStatus.PUBLISHED) {
            throw new InvalidValueException(
                    "round",
                    "admission.round.not-drawn",
                    round.roundNumber(),
                    round.status().label(LOCALE));
        }
    }

    private List<RoundPlacement> placements(AdmissionRound round) {
        return em.createNamedQuery(RoundPlacement.OF_ROUND, RoundPlacement.class)
                .setParameter("round", round.id())
                .getResultList();
    }

    private Map<String, String> schoolNames(RegionCode county) {
        Map<String, String> names = new HashMap<>();
        schools.ofCounty(county).forEach(s -> names.put(s.code(), s.name()));
        return names;
    }

    private List<AdmissionRound> roundsOf(RegionCode county, int year, Stage stage) {
        return em.createNamedQuery(AdmissionRound.OF_STAGE, AdmissionRound.class)
                .setParameter("county", county)
                .setParameter("year", year)
                .setParameter("stage", stage)
                .getResultList();
    }

    private AdmissionRound inScope(long roundId) {
        ReviewScope scope = scope();
        AdmissionRound round = em.find(AdmissionRound.class, roundId);
        if (round == null || !scope.covers(round.county().value(), null)) {
            throw new InvalidValueException("round", "admission.round.unknown", String.valueOf(roundId));
        }
        return round;
    }

    /**
     * The round locked until the transaction ends (two officers drawing or publishing at once go one by one), if it
     * belongs to the county the caller administers: an account that also supervises a wider region acts only on its
     * own county.
     */
    private AdmissionRound locked(long roundId) {
        ReviewScope scope = actingScope();
        AdmissionRound round = em.find(AdmissionRound.class, roundId, LockModeType.PESSIMISTIC_WRITE);
        if (round == null || !scope.covers(round.county().value(), null)) {
            throw new InvalidValueException("round", "admission.round.unknown", String.valueOf(roundId));
        }
        return round;
    }

    /** The county scope of an administrator acting (a supervisor's scope never acts). */
    private ReviewScope actingScope() {
        ReviewScope scope = scopes.of(session.getCallerPrincipal().getName(), ReviewScope.Purpose.DECIDE);
        if (scope.level() != ReviewScope.Level.COUNTY) {
            throw new InvalidValueException("scope", "admission.scope.county-only");
        }
        return scope;
    }

    /** A county in the caller's scope: their own for an administrator, the one chosen for a supervisor. */
    private RegionCode county(String countyCode) {
        ReviewScope scope = scope();
        if (countyCode == null || countyCode.isBlank()) {
            if (scope.level() != ReviewScope.Level.COUNTY) {
                throw new InvalidValueException("county", "admission.county-required");
            }
            return RegionCode.of(scope.regionPrefix());
        }
        ReviewScope narrowed = scope.narrowedTo(countyCode.strip());
        if (narrowed.level() != ReviewScope.Level.COUNTY) {
            throw new InvalidValueException("county", "admission.county-required");
        }
        return RegionCode.of(narrowed.regionPrefix());
    }

    /** Whether a persistence failure is the violation of the named unique constraint (PostgreSQL and H2 alike). */
    static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && "23505".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private String actor() {
        String name = session.getCallerPrincipal().getName();
        return name.length() <= 64 ? name : name.substring(0, 64);
    }
}
