package org.oneenroll.policy.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.control.CoverageCheck;
import org.oneenroll.policy.control.SchoolSheet;
import org.oneenroll.policy.control.SetupSheets;
import org.oneenroll.policy.control.ZoneSheet;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.CountyAddressUnit;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.School;
import org.oneenroll.policy.entity.SchoolCapacity;
import org.oneenroll.policy.entity.SchoolDetails;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.SetupImport;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.control.Scopes;
import org.oneenroll.review.entity.ReviewScope;

/**
 * 学校与招生片区设置: the county administrator keeps the county's schools and catchment zones, by hand or from Excel
 * sheets (template, import with a row-by-row report, export), keeps its address list, and sees which addresses no zone
 * or two zones take. City and province supervisors read a county of their region. Every call is bounded by the
 * caller's account as review does; a school or zone of another county is answered as if it did not exist.
 *
 * <p>This changes the set-up, never a published plan: plans keep their own seats per school. What a published plan
 * relies on (a school's ownership and stages) is refused; names, addresses, phones, capacities and zones may change,
 * and a zone change reaches the public plan page and new applications at once (the screens say so).
 */
@Stateless
@RolesAllowed({StaffRole.Names.PROVINCE_SUPERVISOR, StaffRole.Names.CITY_SUPERVISOR, StaffRole.Names.COUNTY_ADMIN})
public class CountySetup {

    private static final Logger LOG = Logger.getLogger(CountySetup.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Scopes scopes;

    @Inject
    Regions regions;

    @Inject
    Schools schools;

    @Inject
    Zones zones;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /**
     * The county a screen works on: the administrator's own, or the one a supervisor chose.
     *
     * @param countyCode the county; {@code null} or blank for the caller's own county
     * @throws InvalidValueException for a county outside the caller's scope, or none chosen above county level
     */
    public SetupCounty county(String countyCode) {
        ReviewScope scope = scope();
        RegionCode county = county(scope, countyCode);
        boolean canEdit =
                scope.level() == ReviewScope.Level.COUNTY && session.isCallerInRole(StaffRole.Names.COUNTY_ADMIN);
        List<SetupCounty.Town> towns = new ArrayList<>();
        towns(county).forEach((code, name) -> towns.add(new SetupCounty.Town(code, name)));
        List<String> published = new ArrayList<>();
        boolean open = false;
        Instant now = clock.instant();
        for (EnrollmentPlan p : latestPublished(county)) {
            published.add(Messages.format(
                    Messages.DEFAULT_LOCALE,
                    "setup.plan.label",
                    String.valueOf(p.year()),
                    p.stage().label(),
                    p.revision()));
            open |= p.windowOpenAt(now);
        }
        return new SetupCounty(
                county.value(),
                regions.fullName(county),
                canEdit,
                towns,
                published,
                open,
                lastImport(county, SetupImport.Kind.SCHOOLS),
                lastImport(county, SetupImport.Kind.ZONES));
    }

    // ---------------------------------------------------------------- schools

    /** The county's schools by code, with the zones each serves and whether a published plan gives it seats. */
    public List<SchoolView> schools(String countyCode) {
        RegionCode county = county(scope(), countyCode);
        Map<String, String> towns = towns(county);
        Map<String, SchoolSheet.SchoolUse> uses = uses(county);
        return schools.ofCounty(county).stream()
                .map(s -> view(s, towns, uses.get(s.code())))
                .toList();
    }

    /**
     * Registers a new school ({@code expectedVersion} null) or changes one, of the caller's own county.
     *
     * @param expectedVersion the version the dialog showed: a school changed since is refused, nothing overwritten
     * @throws InvalidValueException naming the field: a code in use, a town not of the county, a change a published
     *                               plan or a zone relies on, a stale edit
     */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public SchoolView saveSchool(SchoolDetails details, Long expectedVersion) {
        RegionCode county = actingCounty();
        Map<String, String> towns = towns(county);
        if (!county.equals(details.address().county())
                || !towns.containsKey(details.address().townCode())) {
            throw new InvalidValueException(
                    "townCode", "setup.town.unknown", details.address().townCode(), regions.fullName(county));
        }
        Optional<School> existing = schools.byCode(details.code());
        School school;
        if (expectedVersion == null) {
            if (existing.isPresent()) {
                throw new InvalidValueException("code", "setup.school.code-exists", details.code());
            }
            school = schools.register(details.toSchool());
            LOG.info(() -> "County set-up: " + caller() + " registered school " + details.code() + " in " + county);
        } else {
            school = existing.filter(s -> s.county().equals(county))
                    .orElseThrow(() -> new InvalidValueException("code", "setup.school.unknown", details.code()));
            if (school.version() != expectedVersion) {
                throw new InvalidValueException("code", "setup.stale", details.code());
            }
            Set<Stage> stages = EnumSet.noneOf(Stage.class);
            details.capacities().forEach(c -> stages.add(c.stage()));
            Optional<InvalidValueException> refused = SchoolSheet.refusal(
                    details.code(), details.ownership(), stages, uses(county).get(details.code()));
            if (refused.isPresent()) {
                throw refused.get();
            }
            if (details.applyTo(school)) {
                LOG.info(() -> "County set-up: " + caller() + " changed school " + details.code() + " in " + county);
            }
        }
        em.flush();
        return view(school, towns, uses(county).get(school.code()));
    }

    /**
     * Imports the county's school list: every good row creates or updates the school of its code, every bad row is
     * reported with its reasons and changes nothing. The same sheet twice changes nothing the second time.
     *
     * @throws InvalidValueException for a file that is not an .xlsx workbook or is too large
     */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public ImportReport importSchools(String fileName, byte[] xlsx) {
        RegionCode county = actingCounty();
        SetupSheets.Table table = SetupSheets.read(xlsx, SchoolSheet.SHEET);
        Map<String, School> existing = new HashMap<>();
        schools.ofCounty(county).forEach(s -> existing.put(s.code(), s));
        SchoolSheet.Parsed parsed = SchoolSheet.parse(table, schoolContext(county));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (SchoolSheet.Good row : parsed.rows()) {
            School school = existing.get(row.details().code());
            if (school == null) {
                existing.put(
                        row.details().code(), schools.register(row.details().toSchool()));
                created++;
            } else if (row.details().applyTo(school)) {
                updated++;
            } else {
                unchanged++;
            }
        }
        return recorded(
                county,
                new ImportReport(
                        SetupImport.Kind.SCHOOLS,
                        name(fileName),
                        sha256(xlsx),
                        parsed.rowsRead(),
                        parsed.rowsRefused(),
                        created,
                        updated,
                        unchanged,
                        0,
                        parsed.problems(),
                        parsed.headerRefused()));
    }

    /** The empty school sheet with one example row and the notes (how to fill it, the county's town codes). */
    public byte[] schoolTemplate(String countyCode) {
        RegionCode county = county(scope(), countyCode);
        SchoolSheet.Context context = schoolContext(county);
        String town = context.towns().keySet().iterator().next();
        SchoolDetails example = new SchoolDetails(
                county.value() + "9001",
                text("setup.example.school"),
                SchoolOwnership.PUBLIC,
                Address.of(county, town, text("setup.example.community"), null, null, text("setup.example.detail")),
                "0931-5221234",
                List.of(new SchoolCapacity(Stage.PRIMARY, 270, 6)));
        return SchoolSheet.workbook(List.of(), example, context);
    }

    /** The county's schools in the import's layout: edit and import it back. */
    public byte[] exportSchools(String countyCode) {
        RegionCode county = county(scope(), countyCode);
        List<SchoolDetails> list =
                schools.ofCounty(county).stream().map(SchoolDetails::of).toList();
        return SchoolSheet.workbook(list, null, schoolContext(county));
    }

    // ---------------------------------------------------------------- zones

    /** The county's zones, primary first, each with its schools and address units. */
    public List<ZoneView> zones(String countyCode) {
        RegionCode county = county(scope(), countyCode);
        Map<String, String> towns = towns(county);
        Map<String, String> schoolNames = new HashMap<>();
        schools.ofCounty(county).forEach(s -> schoolNames.put(s.code(), s.name()));
        return zones.ofCounty(county).stream()
                .sorted(java.util.Comparator.comparing(CatchmentZone::stage).thenComparing(CatchmentZone::code))
                .map(z -> view(z, towns, schoolNames))
                .toList();
    }

    /**
     * Defines a zone ({@code expectedVersion} null) or changes its name and schools; a zone's stage never changes.
     *
     * @throws InvalidValueException a code in use, a school that cannot serve the zone, a stale edit
     */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public ZoneView saveZone(ZoneDetails details, Long expectedVersion) {
        RegionCode county = actingCounty();
        String code = CatchmentZone.checkedCode(details.code());
        if (details.stage() == null) {
            throw new InvalidValueException("stage", "field.required", ZoneSheet.STAGE);
        }
        Map<String, School> ofCounty = new HashMap<>();
        schools.ofCounty(county).forEach(s -> ofCounty.put(s.code(), s));
        List<School> serving = new ArrayList<>();
        for (String schoolCode : details.schoolCodes()) {
            School s = ofCounty.get(schoolCode);
            if (s == null) {
                throw new InvalidValueException(
                        "schools", "setup.zone.school-unknown", schoolCode, regions.fullName(county));
            }
            serving.add(s);
        }
        Optional<CatchmentZone> existing = zoneByCode(code);
        CatchmentZone zone;
        if (expectedVersion == null) {
            if (existing.isPresent()) {
                throw new InvalidValueException("code", "setup.zone.code-exists", code);
            }
            zone = new CatchmentZone(code, details.name(), county, details.stage());
            zone.serveBy(serving);
            zones.define(zone);
            LOG.info(() -> "County set-up: " + caller() + " defined zone " + code + " in " + county);
        } else {
            zone = existing.filter(z -> z.county().equals(county))
                    .orElseThrow(() -> new InvalidValueException("code", "setup.zone.unknown", code));
            if (zone.version() != expectedVersion) {
                throw new InvalidValueException("code", "setup.stale", code);
            }
            if (zone.stage() != details.stage()) {
                throw new InvalidValueException(
                        "stage",
                        "setup.zone.stage-fixed",
                        code,
                        zone.stage().label(),
                        details.stage().label());
            }
            if (zone.rename(details.name()) | zone.serveBy(serving)) {
                LOG.info(() -> "County set-up: " + caller() + " changed zone " + code + " in " + county);
            }
        }
        em.flush();
        return view(zone, towns(county), names(ofCounty.values()));
    }

    /**
     * Puts address units into a zone; each must be a unit of the county (town of the county, community, compound if
     * any) and joins the county's address list.
     */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public ZoneView addUnits(String zoneCode, Collection<String> unitKeys) {
        RegionCode county = actingCounty();
        CatchmentZone zone = zoneOfCounty(zoneCode, county);
        Map<String, String> towns = towns(county);
        Set<String> listed = listedKeys(county);
        for (String key : unitKeys) {
            String unit = checkedUnit(county, towns, key);
            zone.addUnit(unit);
            list(county, unit, listed);
        }
        LOG.info(() -> "County set-up: " + caller() + " added " + unitKeys.size() + " units to zone " + zoneCode);
        return view(zone, towns, names(schools.ofCounty(county)));
    }

    /** Takes a unit out of a zone; it stays on the county's address list (and so shows as unzoned if no zone has it). */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public ZoneView removeUnit(String zoneCode, String unitKey) {
        RegionCode county = actingCounty();
        CatchmentZone zone = zoneOfCounty(zoneCode, county);
        if (zone.removeUnit(unitKey)) {
            list(county, unitKey, listedKeys(county));
            LOG.info(() -> "County set-up: " + caller() + " took " + unitKey + " out of zone " + zoneCode);
        }
        return view(zone, towns(county), names(schools.ofCounty(county)));
    }

    /** Adds a unit to the county's address list (a new compound, say) without putting it in a zone. */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public CoverageCheck.Unit listUnit(String townCode, String community, String compound) {
        RegionCode county = actingCounty();
        Map<String, String> towns = towns(county);
        if (townCode == null || !towns.containsKey(townCode.strip())) {
            throw new InvalidValueException(
                    "townCode", "setup.town.unknown", String.valueOf(townCode), regions.fullName(county));
        }
        String unit = Address.of(county, townCode.strip(), community, compound, null, null)
                .unitKey();
        list(county, unit, listedKeys(county));
        return CoverageCheck.Unit.of(unit, towns);
    }

    /** Takes a unit off the county's address list (one typed by mistake); a unit a zone or a school uses stays. */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public void forgetUnit(String unitKey) {
        RegionCode county = actingCounty();
        boolean used =
                zones.ofCounty(county).stream().anyMatch(z -> z.unitKeys().contains(unitKey))
                        || schools.ofCounty(county).stream()
                                .anyMatch(s -> s.address().unitKey().equals(unitKey));
        if (used) {
            throw new InvalidValueException("unitKey", "setup.unit.in-use", unitKey);
        }
        CountyAddressUnit listed = em.find(CountyAddressUnit.class, unitKey);
        if (listed != null && listed.county().equals(county)) {
            em.remove(listed);
        }
    }

    /** Every address unit the county knows of (its list, its zones' units, its schools' addresses), in reading order. */
    public List<CoverageCheck.Unit> units(String countyCode) {
        RegionCode county = county(scope(), countyCode);
        Map<String, String> towns = towns(county);
        Set<String> known = knownUnits(county);
        zones.ofCounty(county).forEach(z -> known.addAll(z.unitKeys()));
        return known.stream()
                .map(k -> CoverageCheck.Unit.of(k, towns))
                .sorted(CoverageCheck.Unit.ORDER)
                .toList();
    }

    /**
     * Imports zones: for each zone of the sheet its name, schools and units become the sheet's (a zone with a refused
     * row only gains units, so a typo never takes an address out of its zone); rows without a zone add units to the
     * county's address list. Zones not in the sheet are left as they are. The same sheet twice changes nothing.
     */
    @RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
    public ImportReport importZones(String fileName, byte[] xlsx) {
        RegionCode county = actingCounty();
        SetupSheets.Table table = SetupSheets.read(xlsx, ZoneSheet.SHEET);
        Map<String, CatchmentZone> existing = new HashMap<>();
        List<CatchmentZone> ofCounty = zones.ofCounty(county);
        ofCounty.forEach(z -> existing.put(z.code(), z));
        Map<String, School> schoolsByCode = new HashMap<>();
        schools.ofCounty(county).forEach(s -> schoolsByCode.put(s.code(), s));
        ZoneSheet.Parsed parsed = ZoneSheet.parse(table, zoneContext(county, ofCounty, schoolsByCode.values()));
        Set<String> listed = listedKeys(county);
        Set<String> knownBefore = knownUnits(county);
        ofCounty.forEach(z -> knownBefore.addAll(z.unitKeys()));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (ZoneSheet.ZoneRows rows : parsed.zones()) {
            List<School> serving =
                    rows.schoolCodes().stream().map(schoolsByCode::get).toList();
            CatchmentZone zone = existing.get(rows.code());
            if (zone == null) {
                zone = new CatchmentZone(rows.code(), rows.name(), county, rows.stage());
                zone.serveBy(serving);
                rows.unitKeys().forEach(zone::addUnit);
                zones.define(zone);
                existing.put(rows.code(), zone);
                created++;
            } else {
                boolean changed = zone.rename(rows.name());
                changed |= zone.serveBy(serving);
                for (String unit : rows.unitKeys()) {
                    changed |= zone.addUnit(unit);
                }
                if (!rows.rowsRefused()) {
                    for (String unit : zone.unitKeys()) {
                        if (!rows.unitKeys().contains(unit)) {
                            zone.removeUnit(unit);
                            list(county, unit, listed);
                            changed = true;
                        }
                    }
                }
                if (changed) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
        }
        Set<String> fromSheet = new TreeSet<>(parsed.unitsWithoutZone());
        parsed.zones().forEach(z -> fromSheet.addAll(z.unitKeys()));
        int newUnits = 0;
        for (String unit : fromSheet) {
            if (!knownBefore.contains(unit)) {
                newUnits++;
            }
            list(county, unit, listed);
        }
        return recorded(
                county,
                new ImportReport(
                        SetupImport.Kind.ZONES,
                        name(fileName),
                        sha256(xlsx),
                        parsed.rowsRead(),
                        parsed.rowsRefused(),
                        created,
                        updated,
                        unchanged,
                        newUnits,
                        parsed.problems(),
                        parsed.headerRefused()));
    }

    /** The empty zone sheet with one example row and the notes. */
    public byte[] zoneTemplate(String countyCode) {
        RegionCode county = county(scope(), countyCode);
        List<School> ofCounty = schools.ofCounty(county);
        ZoneSheet.Context context = zoneContext(county, List.of(), ofCounty);
        String town = context.towns().keySet().iterator().next();
        String school = ofCounty.stream()
                .filter(s -> s.ownership() == SchoolOwnership.PUBLIC && s.teaches(Stage.PRIMARY))
                .map(School::code)
                .findFirst()
                .orElse(county.value() + "9001");
        ZoneSheet.UnitLine example = new ZoneSheet.UnitLine(
                county.value() + "-P-99",
                text("setup.example.zone"),
                Stage.PRIMARY,
                Set.of(school),
                town + "/" + text("setup.example.community") + "/" + text("setup.example.compound"));
        return ZoneSheet.workbook(List.of(), example, context);
    }

    /** Every zone unit, one row each, then the listed units no zone takes: edit and import it back. */
    public byte[] exportZones(String countyCode) {
        RegionCode county = county(scope(), countyCode);
        Map<String, String> towns = towns(county);
        List<CatchmentZone> ofCounty = zones.ofCounty(county);
        List<ZoneSheet.UnitLine> lines = new ArrayList<>();
        Set<String> zoned = new HashSet<>();
        ofCounty.stream()
                .sorted(java.util.Comparator.comparing(CatchmentZone::stage).thenComparing(CatchmentZone::code))
                .forEach(z -> z.unitKeys().stream()
                        .map(k -> CoverageCheck.Unit.of(k, towns))
                        .sorted(CoverageCheck.Unit.ORDER)
                        .forEach(u -> {
                            zoned.add(u.key());
                            lines.add(new ZoneSheet.UnitLine(z.code(), z.name(), z.stage(), z.schoolCodes(), u.key()));
                        }));
        listedKeys(county).stream()
                .filter(k -> !zoned.contains(k))
                .map(k -> CoverageCheck.Unit.of(k, towns))
                .sorted(CoverageCheck.Unit.ORDER)
                .forEach(u -> lines.add(new ZoneSheet.UnitLine(null, null, null, null, u.key())));
        return ZoneSheet.workbook(lines, null, zoneContext(county, ofCounty, schools.ofCounty(county)));
    }

    /** Which addresses no zone or several zones of a stage take, which towns no zone reaches, which zones lack a part. */
    public CoverageCheck.Report coverage(String countyCode) {
        RegionCode county = county(scope(), countyCode);
        List<CoverageCheck.ZoneFacts> facts = zones.ofCounty(county).stream()
                .map(z -> new CoverageCheck.ZoneFacts(z.code(), z.name(), z.stage(), z.unitKeys(), z.schoolCodes()))
                .toList();
        return CoverageCheck.of(knownUnits(county), facts, towns(county));
    }

    // ---------------------------------------------------------------- helpers

    private ImportReport recorded(RegionCode county, ImportReport report) {
        if (!report.sheetRefused()) {
            em.persist(new SetupImport(
                    county,
                    report.kind(),
                    report.fileName(),
                    report.sha256(),
                    caller(),
                    clock.instant(),
                    report.rowsRead(),
                    report.rowsRefused(),
                    report.created(),
                    report.updated(),
                    report.unchanged()));
        }
        em.flush();
        LOG.info(() -> "County set-up: " + caller() + " imported " + report.kind() + " of " + county + " from "
                + report.fileName() + " (" + report.sha256() + "): " + report.rowsRead() + " rows, "
                + report.rowsRefused() + " refused, " + report.created() + " created, " + report.updated()
                + " updated, " + report.unchanged() + " unchanged, " + report.unitsListed() + " units listed");
        return report;
    }

    private SetupCounty.LastImport lastImport(RegionCode county, SetupImport.Kind kind) {
        return em.createNamedQuery(SetupImport.LATEST_OF_COUNTY, SetupImport.class)
                .setParameter("county", county)
                .setParameter("kind", kind)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(i -> new SetupCounty.LastImport(
                        i.fileName(),
                        i.importedBy(),
                        i.importedAt(),
                        i.created(),
                        i.updated(),
                        i.unchanged(),
                        i.rowsRefused()))
                .orElse(null);
    }

    private SchoolSheet.Context schoolContext(RegionCode county) {
        Set<String> elsewhere = new HashSet<>(
                em.createQuery("select s.code from School s where s.address.county <> :county", String.class)
                        .setParameter("county", county)
                        .getResultList());
        return new SchoolSheet.Context(county, regions.fullName(county), towns(county), elsewhere, uses(county));
    }

    private ZoneSheet.Context zoneContext(
            RegionCode county, Collection<CatchmentZone> ofCounty, Collection<School> schoolsOfCounty) {
        Map<String, ZoneSheet.SchoolFacts> facts = new HashMap<>();
        schoolsOfCounty.forEach(
                s -> facts.put(s.code(), new ZoneSheet.SchoolFacts(s.name(), s.ownership(), s.stages())));
        Map<String, Stage> stages = new HashMap<>();
        ofCounty.forEach(z -> stages.put(z.code(), z.stage()));
        Set<String> elsewhere = new HashSet<>(
                em.createQuery("select z.code from CatchmentZone z where z.county <> :county", String.class)
                        .setParameter("county", county)
                        .getResultList());
        return new ZoneSheet.Context(county, regions.fullName(county), towns(county), facts, stages, elsewhere);
    }

    /** What relies on each school of the county: the zones it serves by stage, the stages a published plan seats. */
    private Map<String, SchoolSheet.SchoolUse> uses(RegionCode county) {
        Map<String, Map<Stage, List<String>>> zoned = new HashMap<>();
        for (CatchmentZone z : zones.ofCounty(county)) {
            for (String code : z.schoolCodes()) {
                zoned.computeIfAbsent(code, c -> new EnumMap<>(Stage.class))
                        .computeIfAbsent(z.stage(), s -> new ArrayList<>())
                        .add(z.code());
            }
        }
        Map<String, Set<Stage>> planned = new HashMap<>();
        for (EnrollmentPlan p : latestPublished(county)) {
            for (PlanSeat seat : p.seats()) {
                planned.computeIfAbsent(seat.schoolCode(), c -> EnumSet.noneOf(Stage.class))
                        .add(p.stage());
            }
        }
        Map<String, SchoolSheet.SchoolUse> uses = new HashMap<>();
        for (School s : schools.ofCounty(county)) {
            uses.put(
                    s.code(),
                    new SchoolSheet.SchoolUse(
                            s.ownership(),
                            zoned.getOrDefault(s.code(), Map.of()),
                            planned.getOrDefault(s.code(), Set.of())));
        }
        return uses;
    }

    /** The latest revision of each stage of the county's most recent published plan year. */
    private List<EnrollmentPlan> latestPublished(RegionCode county) {
        List<EnrollmentPlan> plans = em.createNamedQuery(EnrollmentPlan.LATEST_PUBLISHED, EnrollmentPlan.class)
                .setParameter("county", county)
                .getResultList();
        Map<Stage, EnrollmentPlan> latest = new EnumMap<>(Stage.class);
        int year = plans.isEmpty() ? 0 : plans.get(0).year();
        plans.stream().filter(p -> p.year() == year).forEach(p -> latest.putIfAbsent(p.stage(), p));
        return List.copyOf(latest.values());
    }

    private static SchoolView view(School s, Map<String, String> towns, SchoolSheet.SchoolUse use) {
        Address a = s.address();
        Optional<SchoolCapacity> primary = s.capacity(Stage.PRIMARY);
        Optional<SchoolCapacity> junior = s.capacity(Stage.JUNIOR);
        List<String> zoneCodes = new ArrayList<>();
        if (use != null) {
            new TreeMap<>(use.zonesByStage()).values().forEach(zoneCodes::addAll);
        }
        return new SchoolView(
                s.code(),
                s.name(),
                s.ownership(),
                SchoolSheet.stages(s.stages()),
                a.townCode(),
                towns.getOrDefault(a.townCode(), a.townCode()),
                a.community(),
                a.compound(),
                a.detail(),
                s.phone(),
                primary.map(SchoolCapacity::seats).orElse(null),
                primary.map(SchoolCapacity::classes).orElse(null),
                junior.map(SchoolCapacity::seats).orElse(null),
                junior.map(SchoolCapacity::classes).orElse(null),
                List.copyOf(zoneCodes),
                use != null && !use.plannedStages().isEmpty(),
                s.version());
    }

    private static ZoneView view(CatchmentZone z, Map<String, String> towns, Map<String, String> schoolNames) {
        return new ZoneView(
                z.code(),
                z.name(),
                z.stage(),
                z.schoolCodes().stream()
                        .map(c -> new ZoneView.SchoolRef(c, schoolNames.getOrDefault(c, c)))
                        .toList(),
                z.unitKeys().stream()
                        .map(k -> CoverageCheck.Unit.of(k, towns))
                        .sorted(CoverageCheck.Unit.ORDER)
                        .toList(),
                z.version());
    }

    private static Map<String, String> names(Collection<School> schools) {
        Map<String, String> names = new HashMap<>();
        schools.forEach(s -> names.put(s.code(), s.name()));
        return names;
    }

    private Map<String, String> towns(RegionCode county) {
        Map<String, String> towns = new LinkedHashMap<>();
        regions.children(county.value()).forEach(t -> towns.put(t.code(), t.name()));
        if (towns.isEmpty()) {
            throw new InvalidValueException("county", "setup.county.no-towns", county.value());
        }
        return towns;
    }

    /** A unit key as the screens send it, checked as an address of the county would be. */
    private String checkedUnit(RegionCode county, Map<String, String> towns, String key) {
        String[] parts = key == null ? new String[0] : key.split("/", 3);
        if (parts.length < 2 || !towns.containsKey(parts[0])) {
            throw new InvalidValueException(
                    "unitKey", "setup.town.unknown", parts.length == 0 ? "" : parts[0], regions.fullName(county));
        }
        return Address.of(county, parts[0], parts[1], parts.length > 2 ? parts[2] : null, null, null)
                .unitKey();
    }

    /** The county's address list: its listed units and its schools' address units. */
    private Set<String> knownUnits(RegionCode county) {
        Set<String> known = listedKeys(county);
        schools.ofCounty(county).forEach(s -> known.add(s.address().unitKey()));
        return known;
    }

    private Set<String> listedKeys(RegionCode county) {
        return new TreeSet<>(em.createNamedQuery(CountyAddressUnit.KEYS_OF_COUNTY, String.class)
                .setParameter("county", county)
                .getResultList());
    }

    private void list(RegionCode county, String unitKey, Set<String> listed) {
        if (listed.add(unitKey)) {
            em.persist(new CountyAddressUnit(county, unitKey, caller(), clock.instant()));
        }
    }

    private Optional<CatchmentZone> zoneByCode(String code) {
        return em.createQuery("select z from CatchmentZone z where z.code = :code", CatchmentZone.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    private CatchmentZone zoneOfCounty(String code, RegionCode county) {
        return zoneByCode(code == null ? "" : code.strip())
                .filter(z -> z.county().equals(county))
                .orElseThrow(() -> new InvalidValueException("code", "setup.zone.unknown", String.valueOf(code)));
    }

    private ReviewScope scope() {
        return scopes.of(caller(), ReviewScope.Purpose.READ);
    }

    /** The county of an administrator acting (a supervisor's reading scope never acts). */
    private RegionCode actingCounty() {
        ReviewScope scope = scopes.of(caller(), ReviewScope.Purpose.DECIDE);
        if (scope.level() != ReviewScope.Level.COUNTY) {
            throw new InvalidValueException("scope", "setup.scope.county-only");
        }
        return RegionCode.of(scope.regionPrefix());
    }

    private RegionCode county(ReviewScope scope, String countyCode) {
        if (countyCode == null || countyCode.isBlank()) {
            if (scope.level() != ReviewScope.Level.COUNTY) {
                throw new InvalidValueException("county", "setup.county-required");
            }
            return RegionCode.of(scope.regionPrefix());
        }
        ReviewScope narrowed = scope.narrowedTo(countyCode.strip());
        if (narrowed.level() != ReviewScope.Level.COUNTY) {
            throw new InvalidValueException("county", "setup.county-required");
        }
        RegionCode county = RegionCode.of(narrowed.regionPrefix());
        regions.require(county);
        return county;
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    private static String text(String key) {
        return Messages.format(Messages.DEFAULT_LOCALE, key);
    }

    private static String name(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload.xlsx" : fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash >= 0 ? name.substring(slash + 1) : name;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
