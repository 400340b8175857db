package org.oneenroll.policy.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.entity.Region;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.RegionLevel;
import org.oneenroll.identity.entity.StaffAccount;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.control.PlanChecks;
import org.oneenroll.policy.control.PlanDefaults;
import org.oneenroll.policy.control.PlanDiff;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.CountyAddressUnit;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.PlanCheckReport;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.PlanStatus;
import org.oneenroll.policy.entity.PointsItem;
import org.oneenroll.policy.entity.School;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/**
 * The year's plan as a county administrator prepares it: a draft (carried over from last year's plan, or the usual
 * calendar), edited, checked, published once the checks find no error (read-only and public from then on), and
 * corrected as a new revision published with its reason and the record of what changed. City and province
 * supervisors read every county's plans in their region and their status. The county and the region come from the
 * caller's staff account on every call, never from the screen: another county's plan answers as one that does not
 * exist.
 */
@Stateless
@RolesAllowed({StaffRole.Names.PROVINCE_SUPERVISOR, StaffRole.Names.CITY_SUPERVISOR, StaffRole.Names.COUNTY_ADMIN})
public class PlanRevisions {

    private static final Logger LOG = Logger.getLogger(PlanRevisions.class.getName());
    /** The checks, the record of changes and the editor's texts are in Chinese, the language of the public record. */
    static final java.util.Locale LOCALE = Messages.DEFAULT_LOCALE;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Regions regions;

    @Inject
    Schools schools;

    @Inject
    Zones zones;

    @Inject
    Guides guides;

    @Inject
    StaffAccounts staff;

    @Resource
    SessionContext session;

    /** The coming intake (from September on, next summer's) and the one after: the years a plan is prepared for. */
    public List<Integer> years() {
        LocalDate today = LocalDate.now(clock.withZone(Clocks.SHANGHAI));
        int coming = today.getMonthValue() >= 9 ? today.getYear() + 1 : today.getYear();
        return List.of(coming, coming + 1);
    }

    /**
     * The latest revision of a county's plan for the year and stage (a draft being corrected, else the published one).
     *
     * @param countyCode the county; null for the caller's own (a county administrator)
     * @throws InvalidValueException for a county outside the caller's region, or none chosen above county level
     */
    public Optional<PlanSheet> sheet(String countyCode, int year, Stage stage) {
        RegionCode county = readable(countyCode);
        return latest(county, year, stage).map(this::sheet);
    }

    /**
     * A first draft of the caller's county's plan for the year and stage, or the revision there already is: the
     * stage's latest published plan of an earlier year carried over (dates moved to this year), else the usual
     * calendar with every school at its capacity.
     */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public PlanSheet create(int year, Stage stage) {
        RegionCode county = actingCounty();
        if (!years().contains(year)) {
            throw new InvalidValueException(
                    "year",
                    "plan.year-not-open",
                    String.valueOf(year),
                    String.valueOf(years().get(0)),
                    String.valueOf(years().get(1)));
        }
        Optional<EnrollmentPlan> existing = latest(county, year, stage);
        if (existing.isPresent()) {
            return sheet(existing.get());
        }
        regions.require(county);
        EnrollmentPlan draft = em.createNamedQuery(EnrollmentPlan.LATEST_PUBLISHED, EnrollmentPlan.class)
                .setParameter("county", county)
                .getResultStream()
                .filter(p -> p.stage() == stage && p.year() < year)
                .findFirst()
                .map(p -> p.carriedOver(year, caller()))
                .orElseGet(() -> firstPlan(county, year, stage));
        em.persist(draft);
        em.flush();
        LOG.info(() -> "Plan " + county + " " + year + " " + stage + " drafted by " + caller());
        return sheet(draft);
    }

    private EnrollmentPlan firstPlan(RegionCode county, int year, Stage stage) {
        List<PlanSeat> capacities = schools.ofCounty(county).stream()
                .filter(s -> s.teaches(stage))
                .map(s -> new PlanSeat(s.code(), s.capacity(stage).orElseThrow().seats()))
                .toList();
        EnrollmentPlan plan = PlanDefaults.draft(county, year, stage, capacities);
        plan.startedBy(caller());
        return plan;
    }

    /**
     * Saves the whole draft as the editor sends it. Texts and materials that read as the defaults are not stored, so
     * a later change of the provincial template still reaches the county's pages.
     *
     * @throws InvalidValueException for a plan that is not the caller's county's draft, one changed since the officer
     *                               loaded it, or a value no plan may hold (negative seats, the window's end first)
     */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public PlanSheet save(PlanEdit edit) {
        EnrollmentPlan plan = own(edit.planId(), LockModeType.NONE);
        if (plan.version() != edit.version()) {
            throw new InvalidValueException("plan", "plan.stale", plan.revision());
        }
        plan.reschedule(
                edit.onlineOpens(),
                edit.onlineCloses(),
                edit.counterOpens(),
                edit.counterCloses(),
                edit.reviewEnds(),
                edit.resultsOn(),
                edit.termStarts());
        Map<String, School> byCode = schoolsOf(plan.county());
        List<PlanSeat> seats = new ArrayList<>();
        new TreeMap<>(edit.seats()).forEach((code, count) -> {
            int n = count == null ? 0 : count;
            if (n < 0) {
                School s = byCode.get(code);
                throw new InvalidValueException("seats", "plan.seats-negative", s == null ? code : s.name(), n);
            }
            if (n > 0) {
                seats.add(new PlanSeat(code, n));
            }
        });
        plan.allocateSeats(seats);
        plan.orderCategories(edit.categoryOrder());
        plan.scorePoints(edit.points().stream()
                .filter(PlanSheet.PointsLine::used)
                .map(p -> new PointsItem(
                        p.code(), p.label() == null ? "" : p.label().strip(), p.points()))
                .toList());
        Set<String> privateWithSeats = new TreeSet<>();
        seats.stream()
                .map(s -> byCode.get(s.schoolCode()))
                .filter(s -> s != null && s.ownership() == SchoolOwnership.PRIVATE)
                .forEach(s -> privateWithSeats.add(s.code()));
        Set<String> chosen = new TreeSet<>(edit.choiceSchools());
        plan.ruleChoices(edit.maxChoices(), chosen.equals(privateWithSeats) ? List.of() : chosen);
        plan.drawBy(edit.lotteryRule());
        plan.estimateChildren(edit.eligibleChildren(), edit.eligibleChildrenSource());
        plan.rewriteTexts(ownTexts(plan, edit));
        em.flush();
        return sheet(plan);
    }

    /** The edited texts and material lists that differ from the defaults, by key. */
    private Map<String, String> ownTexts(EnrollmentPlan plan, PlanEdit edit) {
        GuideDefaults defaults = guides.defaults(plan.county(), plan.year(), LOCALE);
        Map<String, String> own = new TreeMap<>();
        for (GuideDefaults.Text t : defaults.texts()) {
            // A text cleared in the editor reads as the template again.
            String typed = edit.texts().get(t.key());
            if (typed != null && !typed.isBlank() && !normalised(typed).equals(normalised(t.text()))) {
                own.put(t.key(), normalised(typed));
            }
        }
        for (GuideDefaults.MaterialGroup g : defaults.groups()) {
            List<String> ids = edit.materials().get(g.key());
            if (ids != null && !ids.equals(g.ids())) {
                own.put(g.key(), String.join(",", ids));
            }
        }
        return own;
    }

    /** Line ends as a browser sends them (CRLF) or the bundle has them (LF) are the same text. */
    private static String normalised(String text) {
        return text.replace("\r\n", "\n").strip();
    }

    /** The checks' findings for a plan in the caller's region (supervisors may look too). */
    public PlanCheckReport check(long planId) {
        return report(readablePlan(planId));
    }

    /**
     * Publishes the caller's county's draft if the checks find no error: read-only and public from now on, the
     * applications and admission use it. A correction needs its reason; it carries the record of what it changed.
     * When refused, nothing changes and the report says why.
     *
     * @throws InvalidValueException for a plan that is not the caller's county's draft, a stale version, or a
     *                               correction without a reason
     */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public PlanPublication publish(long planId, long version, String reason) {
        EnrollmentPlan plan = own(planId, LockModeType.PESSIMISTIC_WRITE);
        if (plan.version() != version) {
            throw new InvalidValueException("plan", "plan.stale", plan.revision());
        }
        if (plan.status() != PlanStatus.DRAFT) {
            throw new InvalidValueException("plan", "plan.read-only", plan.revision());
        }
        PlanCheckReport report = report(plan);
        if (!report.publishable()) {
            LOG.info(() -> "Plan " + plan.county() + " " + plan.year() + " " + plan.stage() + " revision "
                    + plan.revision() + " refused: " + report.errors().size() + " errors");
            return new PlanPublication(false, sheet(plan), report);
        }
        plan.publish(clock.instant(), caller(), reason, report.changes());
        em.flush();
        LOG.info(() -> "Plan " + plan.county() + " " + plan.year() + " " + plan.stage() + " revision " + plan.revision()
                + " published by " + caller());
        return new PlanPublication(true, sheet(plan), report);
    }

    /**
     * The next revision of the published plan as a draft to correct, or the draft correction already begun.
     *
     * @throws InvalidValueException for a plan of another county, or one not yet published
     */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public PlanSheet correct(long planId) {
        EnrollmentPlan plan = own(planId, LockModeType.PESSIMISTIC_WRITE);
        EnrollmentPlan latest = latest(plan.county(), plan.year(), plan.stage()).orElseThrow();
        if (latest.status() == PlanStatus.DRAFT && latest.revision() > 1) {
            return sheet(latest);
        }
        EnrollmentPlan next = latest.correction(caller());
        em.persist(next);
        em.flush();
        LOG.info(() -> "Plan " + plan.county() + " " + plan.year() + " " + plan.stage() + " correction "
                + next.revision() + " begun by " + caller());
        return sheet(next);
    }

    /**
     * Throws away a draft (a first plan not yet published, or a correction not wanted after all); the published
     * revision, if any, stays as it is.
     */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public void discard(long planId) {
        EnrollmentPlan plan = own(planId, LockModeType.PESSIMISTIC_WRITE);
        if (plan.status() != PlanStatus.DRAFT) {
            throw new InvalidValueException("plan", "plan.read-only", plan.revision());
        }
        em.remove(plan);
        LOG.info(() -> "Plan " + plan.county() + " " + plan.year() + " " + plan.stage() + " draft revision "
                + plan.revision() + " discarded by " + caller());
    }

    /** Every revision of a county's plan for the year and stage, first to latest. */
    public List<PlanRevisionView> history(String countyCode, int year, Stage stage) {
        RegionCode county = readable(countyCode);
        return revisions(county, year, stage).stream()
                .sorted(Comparator.comparingInt(EnrollmentPlan::revision))
                .map(p -> new PlanRevisionView(
                        p.id(),
                        p.revision(),
                        p.status(),
                        p.draftedBy(),
                        p.publishedAt(),
                        p.publishedBy(),
                        p.correctionReason(),
                        p.changes()))
                .toList();
    }

    /**
     * Every county of the caller's region with each stage's plan for the year: what is published (revision, when,
     * window, seats) and what is being drafted. A county administrator sees their own county.
     */
    public List<PlanOverviewRow> overview(int year) {
        String prefix = readPrefix(account());
        List<Region> counties = countiesUnder(prefix);
        Map<String, List<EnrollmentPlan>> byCounty = new HashMap<>();
        em.createNamedQuery(EnrollmentPlan.OF_YEAR, EnrollmentPlan.class)
                .setParameter("year", year)
                .getResultStream()
                .filter(p -> p.county().value().startsWith(prefix))
                .forEach(p -> byCounty.computeIfAbsent(p.county().value(), k -> new ArrayList<>())
                        .add(p));
        List<PlanOverviewRow> rows = new ArrayList<>();
        for (Region county : counties) {
            List<EnrollmentPlan> plans = byCounty.getOrDefault(county.code(), List.of());
            for (Stage stage : Stage.values()) {
                EnrollmentPlan published = plans.stream()
                        .filter(p -> p.stage() == stage && p.status() == PlanStatus.PUBLISHED)
                        .findFirst()
                        .orElse(null);
                EnrollmentPlan draft = plans.stream()
                        .filter(p -> p.stage() == stage && p.status() == PlanStatus.DRAFT)
                        .findFirst()
                        .orElse(null);
                EnrollmentPlan shown = published != null ? published : draft;
                rows.add(new PlanOverviewRow(
                        county.code(),
                        county.name(),
                        stage,
                        year,
                        published == null ? null : published.revision(),
                        published == null ? null : published.publishedAt(),
                        shown == null ? null : shown.onlineOpens(),
                        shown == null ? null : shown.onlineCloses(),
                        shown == null ? 0 : shown.totalSeats(),
                        draft == null ? null : draft.revision()));
            }
        }
        return rows;
    }

    /** The counties of a region, by code: a province's through its cities (and those directly under it). */
    private List<Region> countiesUnder(String prefix) {
        if (prefix.length() == 6) {
            return regions.find(prefix).map(List::of).orElse(List.of());
        }
        String parent = prefix.length() == 2 ? prefix + "0000" : prefix + "00";
        List<Region> counties = new ArrayList<>();
        for (Region child : regions.children(parent)) {
            if (child.level() == RegionLevel.COUNTY) {
                counties.add(child);
            } else if (child.level() == RegionLevel.CITY) {
                regions.children(child.code()).stream()
                        .filter(r -> r.level() == RegionLevel.COUNTY)
                        .forEach(counties::add);
            }
        }
        counties.sort(Comparator.comparing(Region::code));
        return counties;
    }

    // ---- the checks' facts

    private PlanCheckReport report(EnrollmentPlan plan) {
        RegionCode county = plan.county();
        Map<String, String> townNames = new HashMap<>();
        List<Region> towns = regions.children(county.value());
        towns.forEach(t -> townNames.put(t.code(), t.name()));
        List<CatchmentZone> ofStage = zones.ofCounty(county).stream()
                .filter(z -> z.stage() == plan.stage())
                .toList();
        Map<String, Integer> zonesPerSchool = new HashMap<>();
        Set<String> coveredTowns = new java.util.HashSet<>();
        for (CatchmentZone zone : ofStage) {
            zone.schools().forEach(s -> zonesPerSchool.merge(s.code(), 1, Integer::sum));
            zone.unitKeys().forEach(u -> coveredTowns.add(u.split("/", 2)[0]));
        }
        Map<String, Long> several = new LinkedHashMap<>();
        zones.unitsInSeveralZones(county, plan.stage())
                .forEach((unit, count) -> several.put(unitName(unit, townNames), count));
        // the county's address list (set-up: every unit a zone or a school ever named, or an officer listed)
        Set<String> zoned = new java.util.HashSet<>();
        ofStage.forEach(z -> zoned.addAll(z.unitKeys()));
        List<String> unzonedUnits = em.createNamedQuery(CountyAddressUnit.KEYS_OF_COUNTY, String.class)
                .setParameter("county", county)
                .getResultStream()
                .filter(key -> !zoned.contains(key))
                .sorted()
                .map(key -> unitName(key, townNames))
                .toList();
        List<String> uncovered = towns.stream()
                .filter(t -> !coveredTowns.contains(t.code()))
                .map(Region::name)
                .toList();
        List<PlanChecks.SchoolFacts> facts = schools.ofCounty(county).stream()
                .map(s -> new PlanChecks.SchoolFacts(
                        s.code(),
                        s.name(),
                        s.ownership(),
                        s.capacity(plan.stage()).map(c -> c.seats()).orElse(null)))
                .toList();
        EnrollmentPlan previous = revisions(county, plan.year(), plan.stage()).stream()
                .filter(p -> p.status() == PlanStatus.PUBLISHED && p.revision() < plan.revision())
                .findFirst()
                .orElse(null);
        GuideDefaults defaults = guides.defaults(county, plan.year(), LOCALE);
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> defaultTexts = new HashMap<>();
        defaults.texts().forEach(t -> {
            labels.put(t.key(), t.label());
            defaultTexts.put(t.key(), t.text());
        });
        defaults.groups().forEach(g -> {
            labels.put(g.key(), Messages.format(LOCALE, "plan.text.materials.group", g.label()));
            defaultTexts.put(g.key(), String.join(",", g.ids()));
        });
        Map<String, String> schoolNames = new HashMap<>();
        facts.forEach(s -> schoolNames.put(s.code(), s.name()));
        List<String> changes = previous == null
                ? List.of()
                : PlanDiff.lines(
                        previous, plan, new PlanDiff.Names(schoolNames, labels, defaultTexts, defaults.materials()));
        return PlanChecks.check(
                plan,
                new PlanChecks.Context(
                        clock.instant(),
                        previous,
                        facts,
                        zonesPerSchool,
                        several,
                        uncovered,
                        unzonedUnits,
                        neighbours(plan),
                        labels,
                        defaults.materials().keySet(),
                        changes));
    }

    /** "城关镇东关社区兴隆小区" for the unit key "620123100/东关社区/兴隆小区". */
    private static String unitName(String unitKey, Map<String, String> townNames) {
        String[] parts = unitKey.split("/");
        StringBuilder name = new StringBuilder(townNames.getOrDefault(parts[0], parts[0]));
        for (int i = 1; i < parts.length; i++) {
            name.append(parts[i]);
        }
        return name.toString();
    }

    /** The latest published window of the year and stage in each other county of the same city. */
    private List<PlanChecks.Neighbour> neighbours(EnrollmentPlan plan) {
        String city = plan.county().value().substring(0, 4);
        Map<String, EnrollmentPlan> latest = new LinkedHashMap<>();
        em.createNamedQuery(EnrollmentPlan.OF_YEAR, EnrollmentPlan.class)
                .setParameter("year", plan.year())
                .getResultStream()
                .filter(p -> p.stage() == plan.stage()
                        && p.status() == PlanStatus.PUBLISHED
                        && p.county().value().startsWith(city)
                        && !p.county().equals(plan.county()))
                .forEach(p -> latest.putIfAbsent(p.county().value(), p));
        return latest.values().stream()
                .map(p -> new PlanChecks.Neighbour(
                        regions.find(p.county().value())
                                .map(Region::name)
                                .orElse(p.county().value()),
                        p.onlineOpens(),
                        p.onlineCloses()))
                .toList();
    }

    // ---- the editor's sheet

    private PlanSheet sheet(EnrollmentPlan plan) {
        RegionCode county = plan.county();
        Map<String, Integer> zonesPerSchool = new HashMap<>();
        zones.ofCounty(county).stream().filter(z -> z.stage() == plan.stage()).forEach(z -> z.schools()
                .forEach(s -> zonesPerSchool.merge(s.code(), 1, Integer::sum)));
        Map<String, Integer> planned = new LinkedHashMap<>();
        plan.seats().forEach(s -> planned.put(s.schoolCode(), s.seats()));
        List<PlanSheet.SeatLine> seats = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (School s : schools.ofCounty(county)) {
            if (s.teaches(plan.stage())) {
                listed.add(s.code());
                seats.add(new PlanSheet.SeatLine(
                        s.code(),
                        s.name(),
                        s.ownership() == SchoolOwnership.PRIVATE,
                        s.capacity(plan.stage()).orElseThrow().seats(),
                        zonesPerSchool.getOrDefault(s.code(), 0),
                        planned.getOrDefault(s.code(), 0)));
            }
        }
        planned.forEach((code, n) -> {
            if (!listed.contains(code)) {
                seats.add(new PlanSheet.SeatLine(code, code, false, 0, 0, n));
            }
        });
        List<PlanSheet.PointsLine> points = new ArrayList<>();
        for (PointsItem item : PlanDefaults.POINTS) {
            PointsItem used = plan.pointsScheme().stream()
                    .filter(i -> i.code().equals(item.code()))
                    .findFirst()
                    .orElse(null);
            points.add(
                    used == null
                            ? new PlanSheet.PointsLine(item.code(), false, item.label(), item.points())
                            : new PlanSheet.PointsLine(item.code(), true, used.label(), used.points()));
        }
        plan.pointsScheme().stream()
                .filter(i -> !PlanDefaults.pointsCodes().contains(i.code()))
                .forEach(i -> points.add(new PlanSheet.PointsLine(i.code(), true, i.label(), i.points())));
        GuideDefaults defaults = guides.defaults(county, plan.year(), LOCALE);
        Map<String, String> own = plan.texts();
        List<PlanSheet.TextLine> texts = defaults.texts().stream()
                .map(t -> new PlanSheet.TextLine(
                        t.key(), t.group(), t.label(), t.text(), own.getOrDefault(t.key(), t.text()), t.multiline()))
                .toList();
        List<PlanSheet.MaterialLine> materials = defaults.groups().stream()
                .map(g -> new PlanSheet.MaterialLine(
                        g.key(),
                        g.label(),
                        g.ids(),
                        own.containsKey(g.key())
                                ? java.util.Arrays.stream(own.get(g.key()).split(","))
                                        .map(String::strip)
                                        .filter(id -> !id.isEmpty())
                                        .toList()
                                : g.ids()))
                .toList();
        List<PlanSheet.MaterialName> catalog = defaults.materials().entrySet().stream()
                .map(e -> new PlanSheet.MaterialName(e.getKey(), e.getValue()))
                .toList();
        boolean acting = actsFor(county);
        EnrollmentPlan latest = latest(county, plan.year(), plan.stage()).orElse(plan);
        return new PlanSheet(
                plan.id(),
                plan.version(),
                county.value(),
                regions.fullName(county),
                plan.year(),
                plan.stage(),
                plan.revision(),
                plan.status(),
                plan.onlineOpens(),
                plan.onlineCloses(),
                plan.counterOpens(),
                plan.counterCloses(),
                plan.reviewEnds(),
                plan.resultsOn(),
                plan.termStarts(),
                List.copyOf(seats),
                plan.categoryOrder(),
                List.copyOf(points),
                plan.maxChoices(),
                List.copyOf(plan.choiceSchools()),
                plan.lotteryRule(),
                plan.eligibleChildren(),
                plan.eligibleChildrenSource(),
                texts,
                materials,
                catalog,
                plan.draftedBy(),
                plan.publishedAt(),
                plan.publishedBy(),
                plan.correctionReason(),
                plan.changes(),
                acting && plan.status() == PlanStatus.DRAFT,
                acting && plan.status() == PlanStatus.PUBLISHED && latest.id().equals(plan.id()));
    }

    // ---- plans and scope

    private Optional<EnrollmentPlan> latest(RegionCode county, int year, Stage stage) {
        return revisions(county, year, stage).stream().findFirst();
    }

    /** The county's revisions of the year and stage, latest first. */
    private List<EnrollmentPlan> revisions(RegionCode county, int year, Stage stage) {
        return em.createNamedQuery(EnrollmentPlan.BY_COUNTY_YEAR, EnrollmentPlan.class)
                .setParameter("county", county)
                .setParameter("year", year)
                .getResultStream()
                .filter(p -> p.stage() == stage)
                .toList();
    }

    private Map<String, School> schoolsOf(RegionCode county) {
        Map<String, School> byCode = new HashMap<>();
        schools.ofCounty(county).forEach(s -> byCode.put(s.code(), s));
        return byCode;
    }

    /** A plan of the county the caller administers, locked as asked. */
    private EnrollmentPlan own(long planId, LockModeType lock) {
        RegionCode county = actingCounty();
        EnrollmentPlan plan = em.find(EnrollmentPlan.class, planId, lock);
        if (plan == null || !plan.county().equals(county)) {
            throw new InvalidValueException("plan", "plan.unknown", String.valueOf(planId));
        }
        return plan;
    }

    /** A plan of a county in the caller's region. */
    private EnrollmentPlan readablePlan(long planId) {
        String prefix = readPrefix(account());
        EnrollmentPlan plan = em.find(EnrollmentPlan.class, planId);
        if (plan == null || !plan.county().value().startsWith(prefix)) {
            throw new InvalidValueException("plan", "plan.unknown", String.valueOf(planId));
        }
        return plan;
    }

    /** A county the caller may read: their own when none is named, else one in their region. */
    private RegionCode readable(String countyCode) {
        StaffAccount account = account();
        if (countyCode == null || countyCode.isBlank()) {
            if (account.region().level() != RegionLevel.COUNTY) {
                throw new InvalidValueException("county", "plan.county-required");
            }
            return account.region();
        }
        RegionCode county = RegionCode.of(countyCode.strip());
        if (county.level() != RegionLevel.COUNTY || !county.value().startsWith(readPrefix(account))) {
            throw new InvalidValueException("county", "plan.county-unknown", county.value());
        }
        return county;
    }

    /** The first 2, 4 or 6 digits of every county the caller may read. */
    private static String readPrefix(StaffAccount account) {
        Set<StaffRole> roles = account.roles();
        String region = account.region().value();
        if (roles.contains(StaffRole.PROVINCE_SUPERVISOR)) {
            return region.substring(0, 2);
        }
        if (roles.contains(StaffRole.CITY_SUPERVISOR) && account.region().level() != RegionLevel.PROVINCE) {
            return region.substring(0, 4);
        }
        if (roles.contains(StaffRole.COUNTY_ADMIN) && account.region().level() == RegionLevel.COUNTY) {
            return region;
        }
        throw new InvalidValueException("scope", "plan.scope.none", account.username());
    }

    /** The county the caller administers; supervisors read, they never act. */
    private RegionCode actingCounty() {
        StaffAccount account = account();
        if (!account.roles().contains(StaffRole.COUNTY_ADMIN)
                || account.region().level() != RegionLevel.COUNTY) {
            throw new InvalidValueException("scope", "plan.scope.county-only");
        }
        return account.region();
    }

    private boolean actsFor(RegionCode county) {
        StaffAccount account = account();
        return account.roles().contains(StaffRole.COUNTY_ADMIN)
                && account.region().equals(county);
    }

    private StaffAccount account() {
        String name = session.getCallerPrincipal().getName();
        return staff.findByUsername(name)
                .filter(StaffAccount::active)
                .orElseThrow(() -> new InvalidValueException("scope", "plan.scope.none", name));
    }

    private String caller() {
        String name = session.getCallerPrincipal().getName();
        return name.length() <= 64 ? name : name.substring(0, 64);
    }
}
