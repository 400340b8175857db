package org.oneenroll.policy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.SessionContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffAccount;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.H2Units;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.control.PlanDefaults;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.PlanCheckReport;
import org.oneenroll.policy.entity.PlanFinding;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.PlanStatus;
import org.oneenroll.policy.entity.School;
import org.oneenroll.policy.entity.SchoolCapacity;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/**
 * The {@code PlanRevisions} boundary with its real collaborators ({@code Plans}, {@code Guides}, {@code Schools},
 * {@code Zones}, {@code Regions}, {@code StaffAccounts}) on the migrated schema in H2 with the real region list: a
 * county drafts its 2028 primary plan, is refused for each broken rule with the reason, publishes, corrects it as a
 * second revision with a reason and a record of what changed, which the public plan reads; supervisors read every
 * county of their region; nobody reaches another county's plan.
 */
class PlanRevisionsOnHibernateTest {

    static final String URL = "jdbc:h2:mem:planrevisions;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final RegionCode COUNTY = RegionCode.of("620121");
    static final RegionCode NEIGHBOUR = RegionCode.of("620123");
    static final Instant NOW = Instant.parse("2027-11-22T02:00:00Z");
    static final String ADMIN = "yd.admin";

    static EntityManagerFactory factory;
    /** The towns of 永登县, in code order. */
    static final List<String> TOWNS = new ArrayList<>();

    @BeforeAll
    static void aCountyWithSchoolsZonesAndANeighbourWithAPublishedPlan() throws SQLException {
        H2Units.migrate(URL);
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "select code from oneenroll.region where parent_code = '620121' order by code")) {
            while (r.next()) {
                TOWNS.add(r.getString(1));
            }
        }
        factory = H2Units.open("plan-revisions-test", URL);
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        staff(em, ADMIN, COUNTY, StaffRole.COUNTY_ADMIN);
        staff(em, "other.admin", RegionCode.of("620102"), StaffRole.COUNTY_ADMIN);
        staff(em, "city.supervisor", RegionCode.of("620100"), StaffRole.CITY_SUPERVISOR);
        staff(em, "province.supervisor", RegionCode.of("620000"), StaffRole.PROVINCE_SUPERVISOR);
        School first = school(em, "YD0001", "永登县城关第一小学", SchoolOwnership.PUBLIC, Stage.PRIMARY, 135);
        School second = school(em, "YD0002", "永登县城关第二小学", SchoolOwnership.PUBLIC, Stage.PRIMARY, 90);
        school(em, "YD0003", "永登县中堡小学", SchoolOwnership.PUBLIC, Stage.PRIMARY, 45);
        school(em, "YD0009", "永登县育才民办学校", SchoolOwnership.PRIVATE, Stage.PRIMARY, 45);
        School junior = school(em, "YD1001", "永登县第一中学", SchoolOwnership.PUBLIC, Stage.JUNIOR, 400);
        // Two primary zones over every town but the last one, which no zone covers yet; one junior zone over all.
        CatchmentZone west = new CatchmentZone("620121-X-01", "城关第一小学学区", COUNTY, Stage.PRIMARY);
        west.addSchool(first);
        CatchmentZone east = new CatchmentZone("620121-X-02", "城关第二小学学区", COUNTY, Stage.PRIMARY);
        east.addSchool(second);
        CatchmentZone middle = new CatchmentZone("620121-J-01", "第一中学学区", COUNTY, Stage.JUNIOR);
        middle.addSchool(junior);
        for (int i = 0; i < TOWNS.size(); i++) {
            middle.addUnit(unit(TOWNS.get(i)));
            if (i < TOWNS.size() - 1) {
                (i % 2 == 0 ? west : east).addUnit(unit(TOWNS.get(i)));
            }
        }
        em.persist(west);
        em.persist(east);
        em.persist(middle);
        // the county's address list knows the last town's community, which no primary zone covers yet
        em.persist(new org.oneenroll.policy.entity.CountyAddressUnit(
                COUNTY, unit(TOWNS.get(TOWNS.size() - 1)), "county.admin", NOW));
        // 榆中县 of the same city has published its 2028 primary window: 10 to 31 July.
        EnrollmentPlan neighbour =
                PlanDefaults.draft(NEIGHBOUR, 2028, Stage.PRIMARY, List.of(new PlanSeat("YZ0001", 90)));
        neighbour.reschedule(
                LocalDateTime.of(2028, 7, 10, 8, 30).atZone(Clocks.SHANGHAI).toInstant(),
                LocalDateTime.of(2028, 7, 31, 17, 0).atZone(Clocks.SHANGHAI).toInstant(),
                LocalDate.of(2028, 7, 10),
                LocalDate.of(2028, 7, 31),
                LocalDate.of(2028, 8, 5),
                LocalDate.of(2028, 8, 10),
                LocalDate.of(2028, 9, 1));
        neighbour.publish(NOW.minusSeconds(86_400));
        em.persist(neighbour);
        // Last year's junior plan of 永登县, with its own hotline: next year's starts from it.
        EnrollmentPlan lastJunior =
                PlanDefaults.draft(COUNTY, 2027, Stage.JUNIOR, List.of(new PlanSeat("YD1001", 380)));
        lastJunior.rewriteTexts(Map.of("contact.hotline", "0931-6410000"));
        lastJunior.publish(NOW.minusSeconds(86_400L * 300));
        em.persist(lastJunior);
        em.getTransaction().commit();
        em.close();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void theYearsPlanIsDraftedRefusedForEachBrokenRulePublishedAndCorrected() {
        assertEquals(List.of(2028, 2029), as(ADMIN, PlanRevisions::years), "November: next summer's and the one after");
        assertTrue(as(ADMIN, r -> r.sheet(null, 2028, Stage.PRIMARY)).isEmpty());

        PlanSheet draft = as(ADMIN, r -> r.create(2028, Stage.PRIMARY));
        assertEquals(1, draft.revision());
        assertEquals(PlanStatus.DRAFT, draft.status());
        assertTrue(draft.editable());
        assertEquals(ADMIN, draft.draftedBy());
        assertEquals(
                List.of("YD0001 135", "YD0002 90", "YD0003 45", "YD0009 45"),
                draft.seats().stream()
                        .map(s -> s.schoolCode() + " " + s.seats())
                        .toList(),
                "every school of the stage at its capacity");
        assertEquals(LocalDate.of(2028, 7, 1), draft.counterOpens());
        assertEquals(draft.id(), as(ADMIN, r -> r.create(2028, Stage.PRIMARY)).id(), "one draft, not two");

        // As drafted: a public school without a zone and a town no zone covers.
        PlanPublication refused = as(ADMIN, r -> r.publish(draft.id(), draft.version(), null));
        assertFalse(refused.published());
        assertEquals(PlanStatus.DRAFT, refused.plan().status());
        assertEquals(
                "永登县中堡小学安排了45个学位，但没有划定小学招生片区：有学位的公办学校须服务至少一个片区",
                only(refused.report().errors(), "seats.zone").message());
        assertTrue(
                only(refused.report().errors(), "zones.cover").message().startsWith("1个乡镇（街道）没有任何地址单元划入小学招生片区："),
                refused.report().errors().toString());
        assertTrue(
                only(refused.report().errors(), "zones.units").message().startsWith("县里地址清单中有1个地址单元没有划入任何小学招生片区："),
                refused.report().errors().toString());
        assertEquals(
                3,
                refused.report().errors().size(),
                messages(refused.report().errors()).toString());
        assertTrue(
                only(refused.report().warnings(), "window.neighbours").message().contains("榆中县"));
        assertTrue(refused.report().warns("seats.children"));

        // Each broken rule on its own is refused, with its reason; nothing is published.
        PlanSheet sheet = refusedFor(draft, f -> f.resultsOn = LocalDate.of(2028, 8, 28), "dates.term", "只有4天");
        sheet = refusedFor(sheet, f -> f.onlineOpens = moment(2027, 12, 20), "dates.notice", "距发布日期2027年11月22日只有28天");
        sheet = refusedFor(sheet, f -> f.reviewEnds = LocalDate.of(2028, 7, 10), "dates.order", "资格审核截止日期2028年7月10日");
        sheet = refusedFor(sheet, f -> f.counterOpens = null, "dates.required", "未填写现场报名（帮办）开始日期");
        sheet = refusedFor(
                sheet, f -> f.categories.remove(FamilyCategory.PREFERENTIAL), "tiers.complete", "录取顺序缺少优待对象");
        sheet = refusedFor(
                sheet,
                f -> f.points.replaceAll(p -> new PlanSheet.PointsLine(p.code(), false, p.label(), p.points())),
                "points.some",
                "没有积分项目");
        sheet = refusedFor(sheet, f -> f.maxChoices = 7, "choices.count", "可填志愿数为7，最多5个");
        sheet = refusedFor(sheet, f -> f.choiceSchools = List.of("YD0001"), "choices.schools", "永登县城关第一小学不能接受志愿");
        sheet = refusedFor(sheet, f -> f.lottery = LotteryRule.DRAW_PER_SCHOOL, "lottery.supported", "每所学校分别摇号");
        sheet = refusedFor(sheet, f -> f.texts.put("contact.hotline", "教育局招生办"), "contacts.phone", "不是有效的电话号码");
        sheet = refusedFor(
                sheet, f -> f.materials.put("materials.PUBLIC.MIGRANT", List.of()), "materials.some", "没有列出任何材料");
        InvalidValueException window = assertThrows(
                InvalidValueException.class,
                () -> as(ADMIN, r -> r.save(new Form(draftOf(ADMIN)).with(f -> f.onlineCloses = moment(2028, 6, 1)))));
        assertEquals("申请开始时间须早于结束时间", window.getMessage(), "an impossible window is not even saved");

        // Put right: the town gets a zone, the school without one no seats, the estimate typed in.
        coverTheLastTown();
        PlanSheet good = as(
                ADMIN,
                r -> r.save(new Form(draftOf(ADMIN)).with(f -> {
                    f.seats.put("YD0003", 0);
                    f.children = 300;
                    f.childrenSource = "县公安局户籍统计（2022年出生）";
                })));
        PlanPublication first = as(ADMIN, r -> r.publish(good.id(), good.version(), null));
        assertEquals(List.of(), messages(first.report().errors()));
        assertTrue(first.published());
        assertEquals(
                List.of(
                        "网上报名时间与同市榆中县的报名时间（2028年7月10日 08:30至2028年7月31日 17:00）重叠6天：各地应错开报名时间，避免核验数据集中积压",
                        "计划学位共270个，少于适龄儿童估计数300人（来源：县公安局户籍统计（2022年出生）），缺口30个：请核实学位，或提前准备统筹调剂"),
                messages(first.report().warnings()),
                "warnings with their figures, not blocking");
        assertEquals(PlanStatus.PUBLISHED, first.plan().status());
        assertEquals(NOW, first.plan().publishedAt());
        assertEquals(ADMIN, first.plan().publishedBy());
        assertFalse(first.plan().editable());
        assertTrue(first.plan().correctable());
        InvalidValueException readOnly =
                assertThrows(InvalidValueException.class, () -> as(ADMIN, r -> r.save(new Form(first.plan()).edit())));
        assertEquals("plan.read-only", readOnly.messageKey());
        assertEquals(
                1,
                read(p -> p.publishedFor(COUNTY, 2028, Stage.PRIMARY))
                        .orElseThrow()
                        .revision());

        // A correction: the next revision, a draft; the public still sees revision 1.
        PlanSheet correction = as(ADMIN, r -> r.correct(first.plan().id()));
        assertEquals(2, correction.revision());
        assertEquals(PlanStatus.DRAFT, correction.status());
        assertEquals(
                correction.id(), as(ADMIN, r -> r.correct(first.plan().id())).id(), "the correction begun");
        assertEquals(
                2,
                as(ADMIN, r -> r.sheet(null, 2028, Stage.PRIMARY)).orElseThrow().revision());
        assertEquals(
                1,
                read(p -> p.publishedFor(COUNTY, 2028, Stage.PRIMARY))
                        .orElseThrow()
                        .revision());
        PlanPublication unchanged = as(ADMIN, r -> r.publish(correction.id(), correction.version(), "无"));
        assertEquals(
                "与第1版相比没有任何改动，不需要发布更正",
                only(unchanged.report().errors(), "correction.changed").message());

        PlanSheet edited = as(
                ADMIN,
                r -> r.save(new Form(correction).with(f -> {
                    f.seats.put("YD0001", 180);
                    f.texts.put("contact.hotline", "0931-6412345");
                })));
        InvalidValueException noReason = assertThrows(
                InvalidValueException.class, () -> as(ADMIN, r -> r.publish(edited.id(), edited.version(), "  ")));
        assertEquals("reason", noReason.field());
        PlanPublication second = as(ADMIN, r -> r.publish(edited.id(), edited.version(), "城关第一小学新校区启用，增加学位"));
        assertTrue(second.published(), messages(second.report().errors()).toString());
        List<String> changed = List.of("计划学位 永登县城关第一小学：135 → 180", "计划学位合计：270 → 315", "招生咨询电话：12345 → 0931-6412345");
        assertEquals(changed, second.plan().changes());
        assertTrue(second.report().warns("seats.capacity"), "180 seats for a capacity of 135: looked at, not blocked");

        List<PlanRevisionView> history = as(ADMIN, r -> r.history(null, 2028, Stage.PRIMARY));
        assertEquals(
                List.of(1, 2), history.stream().map(PlanRevisionView::revision).toList());
        assertNull(history.get(0).reason());
        assertEquals("城关第一小学新校区启用，增加学位", history.get(1).reason());
        assertEquals(changed, history.get(1).changes());
        assertEquals(ADMIN, history.get(1).publishedBy());

        // The public side: the latest revision, when, and every correction with what changed.
        assertEquals(
                2,
                read(p -> p.publishedFor(COUNTY, 2028, Stage.PRIMARY))
                        .orElseThrow()
                        .revision());
        PlanDetail detail = read(p -> p.details(COUNTY)).get(0);
        assertEquals(2, detail.revision());
        assertEquals(NOW, detail.publishedAt());
        assertEquals(LocalDate.of(2028, 7, 1), detail.counterOpens());
        assertEquals(List.of("永登县育才民办学校"), detail.choiceSchools());
        assertEquals(1, detail.corrections().size());
        assertEquals("城关第一小学新校区启用，增加学位", detail.corrections().get(0).reason());
        assertEquals(changed, detail.corrections().get(0).changes());
        assertEquals(
                "0931-6412345",
                read(p -> guides(p).contacts(COUNTY, Locale.SIMPLIFIED_CHINESE)).hotline());
    }

    @Test
    void nextYearsPlanStartsFromLastYearsAndADraftCanBeThrownAway() {
        InvalidValueException tooFar =
                assertThrows(InvalidValueException.class, () -> as(ADMIN, r -> r.create(2031, Stage.JUNIOR)));
        assertEquals("只能制定2028年或2029年的招生计划，不能制定2031年的", tooFar.getMessage());

        PlanSheet junior = as(ADMIN, r -> r.create(2028, Stage.JUNIOR));
        assertEquals(1, junior.revision());
        assertEquals(
                LocalDateTime.of(2028, 7, 1, 8, 30).atZone(Clocks.SHANGHAI).toInstant(),
                junior.onlineOpens(),
                "last year's dates a year on");
        assertEquals(380, junior.seats().get(0).seats(), "last year's seats");
        assertEquals(
                "0931-6410000",
                junior.texts().stream()
                        .filter(t -> t.key().equals("contact.hotline"))
                        .findFirst()
                        .orElseThrow()
                        .text());
        assertTrue(junior.texts().stream()
                .filter(t -> t.key().equals("contact.hotline"))
                .findFirst()
                .orElseThrow()
                .reworded());

        as(ADMIN, r -> {
            r.discard(junior.id());
            return null;
        });
        assertTrue(as(ADMIN, r -> r.sheet(null, 2028, Stage.JUNIOR)).isEmpty());
        assertEquals(1, as(ADMIN, r -> r.history(null, 2027, Stage.JUNIOR)).size(), "last year's published plan stays");
    }

    @Test
    void supervisorsReadEveryCountyOfTheirRegionAndNobodyReachesAnotherCountysPlan() {
        List<PlanOverviewRow> city = as("city.supervisor", r -> r.overview(2028));
        assertTrue(city.stream().allMatch(row -> row.countyCode().startsWith("6201")));
        PlanOverviewRow yuzhong = city.stream()
                .filter(row -> row.countyCode().equals("620123") && row.stage() == Stage.PRIMARY)
                .findFirst()
                .orElseThrow();
        assertEquals(PlanOverviewRow.State.PUBLISHED, yuzhong.state());
        assertEquals("榆中县", yuzhong.countyName());
        assertEquals(1, yuzhong.publishedRevision());
        assertEquals(
                PlanOverviewRow.State.NONE,
                city.stream()
                        .filter(row -> row.countyCode().equals("620122"))
                        .findFirst()
                        .orElseThrow()
                        .state(),
                "皋兰县 has no plan yet and is listed all the same");
        List<PlanOverviewRow> province = as("province.supervisor", r -> r.overview(2028));
        assertTrue(province.size() > city.size());
        assertTrue(province.stream().anyMatch(row -> row.countyCode().equals("620302")), "金川区 of 金昌市 too");
        assertEquals(
                List.of("620121", "620121"),
                as(ADMIN, r -> r.overview(2028)).stream()
                        .map(PlanOverviewRow::countyCode)
                        .toList(),
                "an administrator's own county, both stages");

        PlanSheet neighbours = as("city.supervisor", r -> r.sheet("620123", 2028, Stage.PRIMARY))
                .orElseThrow();
        assertFalse(neighbours.editable());
        assertFalse(neighbours.correctable());
        PlanCheckReport looked = as("city.supervisor", r -> r.check(neighbours.id()));
        assertTrue(looked.refuses("seats.school"), "supervisors see what the checks find: 榆中县 has no YZ0001 here");
        InvalidValueException acting =
                assertThrows(InvalidValueException.class, () -> as("city.supervisor", r -> r.correct(neighbours.id())));
        assertEquals("plan.scope.county-only", acting.messageKey());
        InvalidValueException county = assertThrows(
                InvalidValueException.class, () -> as("city.supervisor", r -> r.sheet(null, 2028, Stage.PRIMARY)));
        assertEquals("plan.county-required", county.messageKey());

        InvalidValueException elsewhere = assertThrows(
                InvalidValueException.class, () -> as("other.admin", r -> r.sheet("620123", 2028, Stage.PRIMARY)));
        assertEquals("区县620123不在您的管辖范围内", elsewhere.getMessage());
        InvalidValueException byId =
                assertThrows(InvalidValueException.class, () -> as("other.admin", r -> r.check(neighbours.id())));
        assertEquals("plan.unknown", byId.messageKey());
        assertThrows(
                InvalidValueException.class,
                () -> as("other.admin", r -> r.publish(neighbours.id(), neighbours.version(), null)));
        assertThrows(
                InvalidValueException.class,
                () -> as("city.supervisor", r -> r.sheet("620402", 2028, Stage.PRIMARY)),
                "a county of another city");
    }

    // ---- the editor's form, as the screen fills it

    /** What the editor sends, started from a sheet and changed field by field. */
    static final class Form {
        final long id;
        final long version;
        Instant onlineOpens;
        Instant onlineCloses;
        LocalDate counterOpens;
        LocalDate counterCloses;
        LocalDate reviewEnds;
        LocalDate resultsOn;
        LocalDate termStarts;
        final Map<String, Integer> seats = new LinkedHashMap<>();
        final List<FamilyCategory> categories;
        final List<PlanSheet.PointsLine> points;
        int maxChoices;
        List<String> choiceSchools;
        LotteryRule lottery;
        Integer children;
        String childrenSource;
        final Map<String, String> texts = new LinkedHashMap<>();
        final Map<String, List<String>> materials = new LinkedHashMap<>();

        Form(PlanSheet s) {
            id = s.id();
            version = s.version();
            onlineOpens = s.onlineOpens();
            onlineCloses = s.onlineCloses();
            counterOpens = s.counterOpens();
            counterCloses = s.counterCloses();
            reviewEnds = s.reviewEnds();
            resultsOn = s.resultsOn();
            termStarts = s.termStarts();
            s.seats().forEach(l -> seats.put(l.schoolCode(), l.seats()));
            categories = new ArrayList<>(s.categoryOrder());
            points = new ArrayList<>(s.points());
            maxChoices = s.maxChoices();
            choiceSchools = s.choiceSchools();
            lottery = s.lotteryRule();
            children = s.eligibleChildren();
            childrenSource = s.eligibleChildrenSource();
            s.texts().forEach(t -> texts.put(t.key(), t.text()));
            s.materials().forEach(m -> materials.put(m.key(), m.ids()));
        }

        PlanEdit with(Consumer<Form> change) {
            change.accept(this);
            return edit();
        }

        PlanEdit edit() {
            return new PlanEdit(
                    id,
                    version,
                    onlineOpens,
                    onlineCloses,
                    counterOpens,
                    counterCloses,
                    reviewEnds,
                    resultsOn,
                    termStarts,
                    seats,
                    categories,
                    points,
                    maxChoices,
                    choiceSchools,
                    lottery,
                    children,
                    childrenSource,
                    texts,
                    materials);
        }
    }

    /**
     * Saves the draft with one rule broken and asks to publish: refused with the rule's reason, nothing published; then
     * saves it as it was, ready for the next rule.
     */
    private PlanSheet refusedFor(PlanSheet sheet, Consumer<Form> breakIt, String rule, String reason) {
        PlanSheet broken = as(ADMIN, r -> r.save(new Form(sheet).with(breakIt)));
        PlanPublication refused = as(ADMIN, r -> r.publish(broken.id(), broken.version(), null));
        assertFalse(refused.published(), rule);
        assertEquals(PlanStatus.DRAFT, draftOf(ADMIN).status());
        PlanFinding finding = refused.report().errors().stream()
                .filter(f -> f.rule().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        rule + " not in " + messages(refused.report().errors())));
        assertTrue(finding.message().contains(reason), finding.message());
        long current = draftOf(ADMIN).version();
        return as(ADMIN, r -> r.save(restored(sheet, current)));
    }

    /** The sheet's values under the current version. */
    private static PlanEdit restored(PlanSheet values, long version) {
        PlanEdit e = new Form(values).edit();
        return new PlanEdit(
                e.planId(),
                version,
                e.onlineOpens(),
                e.onlineCloses(),
                e.counterOpens(),
                e.counterCloses(),
                e.reviewEnds(),
                e.resultsOn(),
                e.termStarts(),
                e.seats(),
                e.categoryOrder(),
                e.points(),
                e.maxChoices(),
                e.choiceSchools(),
                e.lotteryRule(),
                e.eligibleChildren(),
                e.eligibleChildrenSource(),
                e.texts(),
                e.materials());
    }

    private PlanSheet draftOf(String caller) {
        return as(caller, r -> r.sheet(null, 2028, Stage.PRIMARY)).orElseThrow();
    }

    private static Instant moment(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 8, 30).atZone(Clocks.SHANGHAI).toInstant();
    }

    private static PlanFinding only(List<PlanFinding> findings, String rule) {
        List<PlanFinding> of =
                findings.stream().filter(f -> f.rule().equals(rule)).toList();
        assertEquals(1, of.size(), () -> rule + " in " + messages(findings));
        return of.get(0);
    }

    private static List<String> messages(List<PlanFinding> findings) {
        return findings.stream().map(PlanFinding::message).toList();
    }

    private static void coverTheLastTown() {
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        CatchmentZone east = em.createQuery("select z from CatchmentZone z where z.code = :code", CatchmentZone.class)
                .setParameter("code", "620121-X-02")
                .getSingleResult();
        east.addUnit(unit(TOWNS.get(TOWNS.size() - 1)));
        em.getTransaction().commit();
        em.close();
    }

    // ---- the boundary in a transaction, as a signed-in caller

    interface Work<T> {
        T on(PlanRevisions revisions);
    }

    /** The boundary as {@code caller} in one transaction, rolled back when it throws. */
    private static <T> T as(String caller, Work<T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.on(revisions(em, caller));
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

    /** What the public pages read, in a transaction of their own. */
    private static <T> T read(java.util.function.Function<Plans, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            return work.apply(plans(em));
        } finally {
            em.getTransaction().rollback();
            em.close();
        }
    }

    private static PlanRevisions revisions(EntityManager em, String caller) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Plans plans = plans(em);
        PlanRevisions r = new PlanRevisions();
        r.em = em;
        r.clock = clock;
        r.regions = plans.regions;
        r.schools = plans.schools;
        r.zones = plans.zones;
        r.guides = guides(plans);
        r.staff = with(with(with(new StaffAccounts(), "em", em), "clock", clock), "regions", plans.regions);
        r.session = (SessionContext) Proxy.newProxyInstance(
                SessionContext.class.getClassLoader(), new Class<?>[] {SessionContext.class}, (p, m, args) -> {
                    if (m.getName().equals("getCallerPrincipal")) {
                        return (Principal) () -> caller;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return r;
    }

    private static Plans plans(EntityManager em) {
        Plans plans = new Plans();
        plans.em = em;
        plans.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        plans.regions = with(new Regions(), "em", em);
        plans.zones = new Zones();
        plans.zones.em = em;
        plans.schools = new Schools();
        plans.schools.em = em;
        return plans;
    }

    private static Guides guides(Plans plans) {
        Guides guides = new Guides();
        guides.regions = plans.regions;
        guides.plans = plans;
        guides.clock = plans.clock;
        return guides;
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

    private static void staff(EntityManager em, String username, RegionCode region, StaffRole role) {
        em.persist(new StaffAccount(username, username, "x", region, null, EnumSet.of(role), null, null, NOW));
    }

    private static String unit(String town) {
        return Address.of(COUNTY, town, "中心社区", null, null, null).unitKey();
    }

    private static School school(
            EntityManager em, String code, String name, SchoolOwnership ownership, Stage stage, int capacity) {
        School s = new School(
                code,
                name,
                ownership,
                Address.of(COUNTY, TOWNS.get(0), "中心社区", null, null, null),
                null,
                List.of(new SchoolCapacity(stage, capacity, capacity / 45)));
        em.persist(s);
        return s;
    }
}
