package org.oneenroll.policy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.control.Migrations;
import org.oneenroll.policy.control.Coverage;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.PointsItem;
import org.oneenroll.policy.entity.School;
import org.oneenroll.policy.entity.SchoolCapacity;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.policy.entity.WindowState;

/**
 * What the public plan page and the application pages read from {@code Plans}, on the migrated schema in H2 with
 * the real region list: the latest published revision of the latest year, schools with their zones and the address
 * units those cover (named by the real towns), and each stage's window judged by the clock.
 */
class PlansOnHibernateTest {

    static final String URL = "jdbc:h2:mem:plansboundary;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final RegionCode COUNTY = RegionCode.of("620123");
    /** Ten days into the 2027 primary window, before the junior one opens. */
    static final Instant NOW = Instant.parse("2027-07-10T02:00:00Z");

    static EntityManagerFactory factory;
    /** Three real towns of 榆中县, by code, in code order. */
    static final Map<String, String> TOWNS = new LinkedHashMap<>();

    @BeforeAll
    static void aCountyWithPlansOfTwoYears() throws SQLException {
        Migrations.configure().dataSource(URL, "sa", "").load().migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select code, name from oneenroll.region where parent_code = '620123'"
                        + " order by code limit 3")) {
            while (r.next()) {
                TOWNS.put(r.getString(1), r.getString(2));
            }
        }
        factory = Persistence.createEntityManagerFactory(
                "policy-boundary-test",
                Map.of("jakarta.persistence.jdbc.url", URL, "jakarta.persistence.jdbc.user", "sa"));
        List<String> towns = new ArrayList<>(TOWNS.keySet());
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        School first = school(em, "YZ0001", "榆中县城关第一小学", SchoolOwnership.PUBLIC, towns.get(0), Stage.PRIMARY);
        School second = school(em, "YZ0002", "榆中县城关第二小学", SchoolOwnership.PUBLIC, towns.get(0), Stage.PRIMARY);
        school(em, "YZ0009", "榆中县启明民办学校", SchoolOwnership.PRIVATE, towns.get(0), Stage.PRIMARY);
        School junior = school(em, "YZ1001", "榆中县第二中学", SchoolOwnership.PUBLIC, towns.get(1), Stage.JUNIOR);
        CatchmentZone seat = new CatchmentZone("620123-X-01", "城关第一、第二小学学区", COUNTY, Stage.PRIMARY);
        seat.addSchool(first);
        seat.addSchool(second);
        seat.addUnit(unit(towns.get(0), "东关社区", "兴隆小区"));
        seat.addUnit(unit(towns.get(0), "东关社区", "金城小区"));
        seat.addUnit(unit(towns.get(1), "李家庄村", "二社"));
        seat.addUnit(unit(towns.get(1), "李家庄村", "十社"));
        em.persist(seat);
        CatchmentZone east = new CatchmentZone("620123-X-02", "城关第二小学东区", COUNTY, Stage.PRIMARY);
        east.addSchool(second);
        east.addUnit(unit(towns.get(2), "新城社区", null));
        em.persist(east);
        CatchmentZone middle = new CatchmentZone("620123-J-01", "第二中学学区", COUNTY, Stage.JUNIOR);
        middle.addSchool(junior);
        middle.addUnit(unit(towns.get(1), "李家庄村", "一社"));
        em.persist(middle);

        published(em, plan(2026, Stage.PRIMARY, 1, 7, Map.of("YZ0001", 45)));
        published(em, plan(2027, Stage.PRIMARY, 1, 7, Map.of("YZ0001", 90, "YZ0002", 90)));
        published(em, plan(2027, Stage.PRIMARY, 2, 7, Map.of("YZ0009", 40, "YZ0002", 135, "YZ0001", 90)));
        em.persist(plan(2027, Stage.PRIMARY, 3, 7, Map.of("YZ0001", 1))); // a draft: not public
        published(em, plan(2027, Stage.JUNIOR, 1, 8, Map.of("YZ1001", 450)));
        em.getTransaction().commit();
        em.close();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void thePlanPageShowsTheLatestRevisionWithEachSchoolsZonesAndWhatTheyCover() {
        List<PlanDetail> details = read(p -> p.details(COUNTY));

        assertEquals(
                List.of(Stage.PRIMARY, Stage.JUNIOR),
                details.stream().map(PlanDetail::stage).toList());
        PlanDetail primary = details.get(0);
        assertEquals(2027, primary.year());
        assertEquals(2, primary.revision(), "the latest published revision, not the draft");
        assertEquals(265, primary.totalSeats());
        assertEquals(WindowState.OPEN, primary.window().state());
        assertEquals(LotteryRule.SINGLE_NUMBER_PER_CHILD, primary.lotteryRule());
        assertEquals(
                List.of(FamilyCategory.HOUSE_AND_HUKOU, FamilyCategory.HOUSE_ONLY, FamilyCategory.MIGRANT),
                primary.categoryOrder());
        assertEquals(List.of(new PlanDetail.Points("房产类型：本县自有住房", 20)), primary.pointsScheme());
        assertTrue(primary.hasPoints());

        assertEquals(
                List.of("榆中县城关第一小学", "榆中县城关第二小学", "榆中县启明民办学校"),
                primary.schools().stream().map(PlanDetail.SchoolSeats::name).toList(),
                "public schools first, by code");
        PlanDetail.SchoolSeats second = primary.schools().get(1);
        assertEquals(135, second.seats());
        assertEquals(
                List.of("城关第一、第二小学学区", "城关第二小学东区"),
                second.zones().stream().map(PlanDetail.ZoneArea::name).toList());
        List<String> towns = new ArrayList<>(TOWNS.keySet());
        assertEquals(
                List.of(
                        new Coverage.Town(
                                towns.get(0),
                                TOWNS.get(towns.get(0)),
                                List.of(new Coverage.Community("东关社区", List.of("金城小区", "兴隆小区")))),
                        new Coverage.Town(
                                towns.get(1),
                                TOWNS.get(towns.get(1)),
                                List.of(new Coverage.Community("李家庄村", List.of("二社", "十社"))))),
                second.zones().get(0).towns());
        assertEquals(TOWNS.get(towns.get(0)) + "东关社区1号", second.address(), "the registered street address");
        PlanDetail.SchoolSeats privateSchool = primary.schools().get(2);
        assertEquals(SchoolOwnership.PRIVATE, privateSchool.ownership());
        assertEquals(List.of(), privateSchool.zones(), "private schools serve no zone");

        PlanDetail junior = details.get(1);
        assertEquals(WindowState.NOT_YET_OPEN, junior.window().state());
        assertEquals(
                List.of("第二中学学区"),
                junior.schools().get(0).zones().stream()
                        .map(PlanDetail.ZoneArea::name)
                        .toList(),
                "a junior school's zones are the junior ones");
    }

    @Test
    void applicationPagesAskTheWindowOfAStage() {
        ApplicationWindow primary = read(p -> p.window(COUNTY, Stage.PRIMARY)).orElseThrow();
        assertEquals(2027, primary.year());
        assertTrue(primary.open());
        assertEquals(LocalDate.of(2027, 8, 10), primary.resultsOn());
        ApplicationWindow junior = read(p -> p.window(COUNTY, Stage.JUNIOR)).orElseThrow();
        assertEquals(WindowState.NOT_YET_OPEN, junior.state());
        assertEquals(Instant.parse("2027-08-01T00:30:00Z"), junior.opens());
        assertTrue(read(p -> p.window(RegionCode.of("620102"), Stage.PRIMARY)).isEmpty(), "nothing published there");

        List<PlanSummary> summaries = read(p -> p.published(COUNTY));
        assertEquals(primary, summaries.get(0).window());
        assertTrue(summaries.get(0).windowOpen());
        assertEquals(WindowState.NOT_YET_OPEN, summaries.get(1).windowState());
    }

    private static <T> T read(Function<Plans, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            Plans plans = new Plans();
            plans.em = em;
            plans.clock = Clock.fixed(NOW, ZoneOffset.UTC);
            plans.regions = with(new Regions(), "em", em);
            plans.zones = new Zones();
            plans.zones.em = em;
            plans.schools = new Schools();
            plans.schools.em = em;
            return work.apply(plans);
        } finally {
            em.getTransaction().rollback();
            em.close();
        }
    }

    /** Sets a package-private injection point of another context's bean, as the container would. */
    private static <T> T with(T bean, String field, Object value) {
        try {
            Field f = bean.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(bean, value);
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unit(String town, String community, String compound) {
        return Address.of(COUNTY, town, community, compound, null, null).unitKey();
    }

    private static School school(
            EntityManager em, String code, String name, SchoolOwnership ownership, String town, Stage stage) {
        School s = new School(
                code,
                name,
                ownership,
                Address.of(COUNTY, town, "东关社区", null, null, TOWNS.get(town) + "东关社区1号"),
                "0931-5200000",
                List.of(new SchoolCapacity(stage, 90, 2)));
        em.persist(s);
        return s;
    }

    /** A plan whose window runs through the given month of its year (Beijing time 08:30 on the 1st to 17:00 on the 31st). */
    private static EnrollmentPlan plan(int year, Stage stage, int revision, int month, Map<String, Integer> seats) {
        return new EnrollmentPlan(
                COUNTY,
                year,
                stage,
                revision,
                Instant.parse(String.format("%d-%02d-01T00:30:00Z", year, month)),
                Instant.parse(String.format("%d-%02d-31T09:00:00Z", year, month)),
                LocalDate.of(year, 8, 10),
                LocalDate.of(year, 9, 1),
                LotteryRule.SINGLE_NUMBER_PER_CHILD,
                List.of(FamilyCategory.HOUSE_AND_HUKOU, FamilyCategory.HOUSE_ONLY, FamilyCategory.MIGRANT),
                List.of(new PointsItem("PROPERTY", "房产类型：本县自有住房", 20)),
                seats.entrySet().stream()
                        .map(e -> new PlanSeat(e.getKey(), e.getValue()))
                        .toList());
    }

    private static void published(EntityManager em, EnrollmentPlan plan) {
        plan.publish(NOW.minusSeconds(86_400L * 60));
        em.persist(plan);
    }
}
