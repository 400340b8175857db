package org.oneenroll.policy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.SessionContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffAccount;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.H2Units;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.control.CoverageCheck;
import org.oneenroll.policy.control.SchoolSheet;
import org.oneenroll.policy.control.SetupSheets;
import org.oneenroll.policy.control.SheetProblem;
import org.oneenroll.policy.control.ZoneSheet;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.SchoolCapacity;
import org.oneenroll.policy.entity.SchoolDetails;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.control.Scopes;

/**
 * The {@code CountySetup} boundary with its real collaborators on the migrated schema in H2 and the real region list,
 * one entity manager standing in for the container's transaction: 榆中县 is set up from a school sheet and a zone
 * sheet (bad rows reported, good rows kept, a second import changing nothing), its coverage reported, a published
 * plan's school protected; another county's administrator and a city supervisor stay in their lanes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CountySetupOnHibernateTest {

    static final String URL = "jdbc:h2:mem:countysetup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final RegionCode COUNTY = RegionCode.of("620123");
    static final Instant NOW = Instant.parse("2027-05-10T02:00:00Z");
    static final String CITY_SEAT = "620123100";
    static final String XIAGUANYING = "620123101";
    static final String GAOYA = "620123102";
    static final String A = CITY_SEAT + "/东关社区/金城小区";
    static final String B = CITY_SEAT + "/东关社区/兴隆小区";
    static final String C = XIAGUANYING + "/李家庄村/二社";
    static final Map<String, Set<StaffRole>> ROLES = Map.of(
            "county.admin", EnumSet.of(StaffRole.COUNTY_ADMIN),
            "admin.other", EnumSet.of(StaffRole.COUNTY_ADMIN),
            "city.supervisor", EnumSet.of(StaffRole.CITY_SUPERVISOR));

    static EntityManagerFactory factory;

    @BeforeAll
    static void aCountyWithAPublishedPlanAndNoSchoolsYet() {
        H2Units.migrate(URL);
        factory = H2Units.open("county-setup-test", URL);
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        staff(em, "county.admin", COUNTY);
        staff(em, "admin.other", RegionCode.of("620102"));
        staff(em, "city.supervisor", RegionCode.of("620100"));
        // Last year's officer published this year's primary plan with seats at YZT0001 before the set-up moved here.
        EnrollmentPlan plan = new EnrollmentPlan(
                COUNTY,
                2027,
                Stage.PRIMARY,
                1,
                Instant.parse("2027-07-01T00:30:00Z"),
                Instant.parse("2027-07-31T09:00:00Z"),
                LocalDate.of(2027, 8, 10),
                LocalDate.of(2027, 9, 1),
                LotteryRule.SINGLE_NUMBER_PER_CHILD,
                List.of(FamilyCategory.HOUSE_AND_HUKOU, FamilyCategory.MIGRANT),
                List.of(),
                List.of(new PlanSeat("YZT0001", 90)));
        plan.publish(NOW.minusSeconds(86_400));
        em.persist(plan);
        em.getTransaction().commit();
        em.close();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    static final List<List<Object>> SCHOOL_ROWS = List.of(
            row("YZT0001", "城关第一小学", "公办", "小学", CITY_SEAT, "东关社区", "", "兴隆路12号", 270, 6, null, null, "0931-5221234"),
            row("YZT0002", "城关中学", "公办", "小学、初中", CITY_SEAT, "东关社区", "兴隆小区", "", 90, 2, 450, 9, "0931-5221235"),
            row("YZT0003", "育才实验学校", "民办", "小学", XIAGUANYING, "李家庄村", "", "", 90, 2, null, null, "13931001234"),
            row("YZT0004", "高崖小学", "公办", "小学", GAOYA, "高崖村", "", "", 90, 2, null, null, "5221234"),
            row("YZT0005", "城关第二小学", "公办", "小学", "620102001", "东关社区", "", "", 90, 2, null, null, "0931-5221236"));

    @Test
    @Order(1)
    void schoolsComeFromASheetBadRowsAreReportedAndTheSecondImportChangesNothing() {
        byte[] sheet = schoolSheet(SCHOOL_ROWS);

        ImportReport first = as("county.admin", s -> s.importSchools("学校名单.xlsx", sheet));

        assertEquals(5, first.rowsRead());
        assertEquals(3, first.created());
        assertEquals(2, first.rowsRefused());
        assertEquals(
                List.of(5, 6), first.problems().stream().map(SheetProblem::row).toList());
        assertEquals(
                List.of("school.phone", "setup.town.unknown"),
                first.problems().stream().map(SheetProblem::key).toList());
        assertEquals(
                List.of("YZT0001", "YZT0002", "YZT0003"),
                as("county.admin", s -> s.schools(null)).stream()
                        .map(SchoolView::code)
                        .toList());

        ImportReport again = as("county.admin", s -> s.importSchools("学校名单.xlsx", sheet));
        assertEquals(0, again.created());
        assertEquals(0, again.updated());
        assertEquals(3, again.unchanged());
        assertTrue(again.changedNothing());

        SetupCounty county = as("county.admin", s -> s.county(null));
        assertTrue(county.canEdit());
        assertEquals("甘肃省 兰州市 榆中县", county.name());
        assertEquals(20, county.towns().size());
        assertEquals(List.of("2027年小学（第1版）"), county.publishedPlans());
        assertEquals(3, county.lastSchoolImport().unchanged());
        assertEquals("county.admin", county.lastSchoolImport().by());
    }

    @Test
    @Order(2)
    void anExportReadBackChangesNothingAndARenameIsOneUpdate() {
        byte[] exported = as("county.admin", s -> s.exportSchools(null));
        assertTrue(as("county.admin", s -> s.importSchools("导出.xlsx", exported)).changedNothing());

        List<List<Object>> renamed = new ArrayList<>(SCHOOL_ROWS.subList(0, 3));
        List<Object> first = new ArrayList<>(renamed.get(0));
        first.set(1, "城关第一实验小学");
        renamed.set(0, first);
        ImportReport report = as("county.admin", s -> s.importSchools("改名.xlsx", schoolSheet(renamed)));
        assertEquals(1, report.updated());
        assertEquals(2, report.unchanged());
        assertEquals("城关第一实验小学", as("county.admin", s -> s.schools(null)).get(0).name());
    }

    @Test
    @Order(3)
    void zonesComeFromASheetAndTheCoverageReportNamesWhatNoZoneOrTwoZonesTake() {
        byte[] sheet = zoneSheet(List.of(
                zoneRow("620123-P-91", "城关一小学区", "小学", "YZT0001", CITY_SEAT, "东关社区", "金城小区"),
                zoneRow("620123-P-91", "城关一小学区", "小学", "YZT0001", CITY_SEAT, "东关社区", "兴隆小区"),
                zoneRow("620123-P-92", "城关中学小学部学区", "小学", "YZT0002", CITY_SEAT, "东关社区", "兴隆小区"),
                zoneRow("620123-J-91", "城关中学学区", "初中", "YZT0002", CITY_SEAT, "东关社区", "金城小区"),
                zoneRow("620123-J-91", "城关中学学区", "初中", "YZT0002", CITY_SEAT, "东关社区", "兴隆小区"),
                zoneRow("620123-P-93", "育才学区", "小学", "YZT0003", XIAGUANYING, "李家庄村", "一社"),
                zoneRow("", "", "", "", XIAGUANYING, "李家庄村", "二社")));

        ImportReport first = as("county.admin", s -> s.importZones("招生片区.xlsx", sheet));

        assertEquals(7, first.rowsRead());
        assertEquals(3, first.created());
        assertEquals(1, first.rowsRefused());
        assertEquals("setup.zone.school-private", first.problems().get(0).key());
        assertEquals(7, first.problems().get(0).row());
        assertEquals(2, first.unitsListed(), "A and C are new; B is already known as YZT0002's address");
        assertTrue(as("county.admin", s -> s.importZones("招生片区.xlsx", sheet)).changedNothing());

        CoverageCheck.Report coverage = as("county.admin", s -> s.coverage(null));
        CoverageCheck.StageReport primary = coverage.stages().get(0);
        assertEquals(List.of(C), keys(primary.unzoned()), "the school addresses are known by their compounds");
        assertEquals(1, primary.overlaps().size());
        assertEquals(B, primary.overlaps().get(0).unit().key());
        assertEquals(
                List.of("620123-P-91", "620123-P-92"), primary.overlaps().get(0).zoneCodes());
        assertEquals(19, primary.townsWithoutZone().size(), "the refused P-93 leaves the primary zones in one town");
        assertEquals(List.of(C), keys(coverage.stages().get(1).unzoned()));

        byte[] exported = as("county.admin", s -> s.exportZones(null));
        assertTrue(as("county.admin", s -> s.importZones("导出.xlsx", exported)).changedNothing());
        List<String> uses = as("county.admin", s -> s.schools(null)).get(0).zones();
        assertEquals(List.of("620123-P-91"), uses);
    }

    @Test
    @Order(4)
    void aUnitTakenOutOfItsZoneStaysOnTheListAndAZoneSheetSaysWhatAZoneHas() {
        ZoneView p91 = as("county.admin", s -> s.removeUnit("620123-P-91", A));
        assertEquals(List.of(B), keys(p91.units()));
        assertEquals(
                List.of(A, C),
                keys(as("county.admin", s -> s.coverage(null)).stages().get(0).unzoned()));

        // The sheet gives P-92 only A: B leaves it, so B is in P-91 alone and nothing overlaps.
        ImportReport report = as(
                "county.admin",
                s -> s.importZones(
                        "调整.xlsx",
                        zoneSheet(List.of(
                                zoneRow("620123-P-92", "城关中学小学部学区", "小学", "YZT0002", CITY_SEAT, "东关社区", "金城小区")))));
        assertEquals(1, report.updated());
        CoverageCheck.StageReport primary =
                as("county.admin", s -> s.coverage(null)).stages().get(0);
        assertEquals(List.of(), primary.overlaps());
        assertEquals(List.of(C), keys(primary.unzoned()));

        ZoneView added = as("county.admin", s -> s.addUnits("620123-P-91", List.of(C)));
        assertEquals(List.of(B, C), keys(added.units()));
        CoverageCheck.Unit listed = as("county.admin", s -> s.listUnit(GAOYA, "高崖村", null));
        assertEquals("高崖镇 高崖村", listed.label());
        assertEquals(
                List.of(GAOYA + "/高崖村"),
                keys(as("county.admin", s -> s.coverage(null)).stages().get(0).unzoned()));
        as("county.admin", s -> {
            s.forgetUnit(GAOYA + "/高崖村");
            return null;
        });
        assertEquals(
                "setup.unit.in-use",
                assertThrows(
                                InvalidValueException.class,
                                () -> as("county.admin", s -> {
                                    s.forgetUnit(B);
                                    return null;
                                }))
                        .messageKey());
    }

    @Test
    @Order(5)
    void aSchoolEditKeepsWhatAPublishedPlanOrAZoneReliesOn() {
        SchoolView yzt1 = as("county.admin", s -> s.schools(null)).get(0);
        assertTrue(yzt1.planned());
        SchoolDetails madePrivate = details("YZT0001", SchoolOwnership.PRIVATE, "0931-5221234");
        InvalidValueException refused = assertThrows(
                InvalidValueException.class, () -> as("county.admin", s -> s.saveSchool(madePrivate, yzt1.version())));
        assertEquals("setup.school.planned-ownership", refused.messageKey());
        assertEquals("ownership", refused.field());

        SchoolView saved = as(
                "county.admin",
                s -> s.saveSchool(details("YZT0001", SchoolOwnership.PUBLIC, "0931-5229999"), yzt1.version()));
        assertEquals("0931-5229999", saved.phone());
        InvalidValueException stale = assertThrows(
                InvalidValueException.class,
                () -> as(
                        "county.admin",
                        s -> s.saveSchool(details("YZT0001", SchoolOwnership.PUBLIC, "0931-5220000"), yzt1.version())));
        assertEquals("setup.stale", stale.messageKey());
        assertEquals(
                "setup.school.code-exists",
                assertThrows(
                                InvalidValueException.class,
                                () -> as(
                                        "county.admin",
                                        s -> s.saveSchool(
                                                details("YZT0001", SchoolOwnership.PUBLIC, "0931-5220000"), null)))
                        .messageKey());
        SchoolView created =
                as("county.admin", s -> s.saveSchool(details("YZT0006", SchoolOwnership.PUBLIC, "13931001235"), null));
        assertEquals("城关镇", created.townName());

        ZoneView zone = as(
                "county.admin",
                s -> s.saveZone(new ZoneDetails("620123-P-94", "城关六小学区", Stage.PRIMARY, Set.of("YZT0006")), null));
        assertEquals(List.of("YZT0006"), zone.schoolCodes());
        assertEquals(
                "setup.zone.stage-fixed",
                assertThrows(
                                InvalidValueException.class,
                                () -> as(
                                        "county.admin",
                                        s -> s.saveZone(
                                                new ZoneDetails(
                                                        "620123-P-94", "城关六小学区", Stage.JUNIOR, Set.of("YZT0006")),
                                                zone.version())))
                        .messageKey());
        assertEquals(
                "zone.school",
                assertThrows(
                                InvalidValueException.class,
                                () -> as(
                                        "county.admin",
                                        s -> s.saveZone(
                                                new ZoneDetails(
                                                        "620123-P-94", "城关六小学区", Stage.PRIMARY, Set.of("YZT0003")),
                                                zone.version())))
                        .messageKey(),
                "a private school serves no zone");
    }

    @Test
    @Order(6)
    void anotherCountysAdministratorAndTheCitySupervisorStayInTheirLanes() {
        assertEquals(List.of(), as("admin.other", s -> s.schools(null)));
        assertEquals(
                "supervision.region",
                assertThrows(InvalidValueException.class, () -> as("admin.other", s -> s.schools("620123")))
                        .messageKey());
        ImportReport intoOwnCounty =
                as("admin.other", s -> s.importSchools("x.xlsx", schoolSheet(SCHOOL_ROWS.subList(0, 4))));
        assertEquals(0, intoOwnCounty.created(), "榆中县's towns are not 城关区's");
        assertEquals(
                "setup.school.code-elsewhere", intoOwnCounty.problems().get(0).key());
        assertThrows(
                InvalidValueException.class, () -> as("admin.other", s -> s.removeUnit("620123-P-91", B)), "unknown");

        assertEquals(
                "setup.county-required",
                assertThrows(InvalidValueException.class, () -> as("city.supervisor", s -> s.schools(null)))
                        .messageKey());
        SetupCounty read = as("city.supervisor", s -> s.county("620123"));
        assertFalse(read.canEdit());
        assertEquals(4, as("city.supervisor", s -> s.schools("620123")).size());
        assertEquals(
                "review.scope.none",
                assertThrows(
                                InvalidValueException.class,
                                () -> as("city.supervisor", s -> s.importSchools("x.xlsx", schoolSheet(SCHOOL_ROWS))))
                        .messageKey(),
                "a supervisor has no county to act on");
        assertThrows(InvalidValueException.class, () -> as("city.supervisor", s -> s.schools("620502")));
    }

    @Test
    @Order(7)
    void aFileThatIsNotAWorkbookIsRefusedAndNothingIsRecorded() {
        InvalidValueException refused = assertThrows(
                InvalidValueException.class,
                () -> as("county.admin", s -> s.importSchools("名单.csv", "学校代码,学校名称".getBytes())));
        assertEquals("setup.file.not-xlsx", refused.messageKey());
        byte[] template = as("county.admin", s -> s.schoolTemplate(null));
        ImportReport empty = as("county.admin", s -> s.importSchools("模板.xlsx", template));
        assertEquals(0, empty.rowsRead(), "the template's example row is not a school");
        byte[] zoneTemplate = as("county.admin", s -> s.zoneTemplate(null));
        assertEquals(
                0,
                as("county.admin", s -> s.importZones("模板.xlsx", zoneTemplate)).rowsRead());
    }

    // ------------------------------------------------------------------ helpers

    static List<Object> row(
            String code,
            String name,
            String ownership,
            String stages,
            String town,
            String community,
            String compound,
            String detail,
            Integer primarySeats,
            Integer primaryClasses,
            Integer juniorSeats,
            Integer juniorClasses,
            String phone) {
        return java.util.Arrays.asList(
                code,
                name,
                ownership,
                stages,
                town,
                null,
                community,
                compound,
                detail,
                primarySeats,
                primaryClasses,
                juniorSeats,
                juniorClasses,
                phone);
    }

    static List<Object> zoneRow(
            String code, String name, String stage, String schools, String town, String community, String compound) {
        return java.util.Arrays.asList(code, name, stage, schools, town, null, community, compound);
    }

    static byte[] schoolSheet(List<List<Object>> rows) {
        return SetupSheets.write(List.of(
                new SetupSheets.Out(SchoolSheet.SHEET, SchoolSheet.HEADERS, rows, 0, List.of(), List.of(), Map.of())));
    }

    static byte[] zoneSheet(List<List<Object>> rows) {
        return SetupSheets.write(List.of(
                new SetupSheets.Out(ZoneSheet.SHEET, ZoneSheet.HEADERS, rows, 0, List.of(), List.of(), Map.of())));
    }

    static SchoolDetails details(String code, SchoolOwnership ownership, String phone) {
        return new SchoolDetails(
                code,
                "城关第一实验小学",
                ownership,
                Address.of(COUNTY, CITY_SEAT, "东关社区", null, null, "兴隆路12号"),
                phone,
                List.of(new SchoolCapacity(Stage.PRIMARY, 270, 6)));
    }

    static List<String> keys(List<CoverageCheck.Unit> units) {
        return units.stream().map(CoverageCheck.Unit::key).toList();
    }

    interface Work<T> {
        T on(CountySetup setup);
    }

    /** The boundary as {@code caller} in one transaction, rolled back when it throws. */
    static <T> T as(String caller, Work<T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.on(setup(em, caller));
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    static CountySetup setup(EntityManager em, String caller) {
        SessionContext session = (SessionContext) Proxy.newProxyInstance(
                SessionContext.class.getClassLoader(),
                new Class<?>[] {SessionContext.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getCallerPrincipal" -> (Principal) () -> caller;
                    case "isCallerInRole" -> ROLES.get(caller).contains(StaffRole.valueOf((String) args[0]));
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    case "toString" -> "SessionContext stand-in";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        CountySetup s = new CountySetup();
        s.em = em;
        s.scopes = with(new Scopes(), "em", em);
        s.regions = with(new Regions(), "em", em);
        s.schools = with(new Schools(), "em", em);
        s.zones = with(new Zones(), "em", em);
        s.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        s.session = session;
        return s;
    }

    /** Sets a package-private injection point of another context's bean, as the container would. */
    static <T> T with(T bean, String field, Object value) {
        try {
            Field f = bean.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(bean, value);
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static void staff(EntityManager em, String username, RegionCode region) {
        em.persist(new StaffAccount(username, username, "x", region, null, ROLES.get(username), null, null, NOW));
    }
}
