package org.oneenroll.admission.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.SessionContext;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oneenroll.admission.control.ReplayDraw;
import org.oneenroll.admission.entity.CanonicalText;
import org.oneenroll.admission.entity.LotterySeed;
import org.oneenroll.admission.entity.PublishOutcome;
import org.oneenroll.admission.entity.RoundStatus;
import org.oneenroll.admission.entity.RoundView;
import org.oneenroll.admission.entity.SchoolRow;
import org.oneenroll.admission.entity.UnplacedReason;
import org.oneenroll.admission.entity.UnplacedRow;
import org.oneenroll.admission.entity.WhatIfRequest;
import org.oneenroll.admission.entity.WhatIfView;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffAccount;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.CaseNumber;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.CaseStatusChanged;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.notification.boundary.Notifications;
import org.oneenroll.notification.boundary.Notifications.SmsRequest;
import org.oneenroll.notification.entity.SmsTemplate;
import org.oneenroll.platform.H2Units;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.Plans;
import org.oneenroll.policy.boundary.Schools;
import org.oneenroll.policy.boundary.Zones;
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
import org.oneenroll.review.control.Scopes;
import org.oneenroll.verification.boundary.Verifications;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.VerificationResult;

/**
 * The {@code Admissions} boundary with its real collaborators ({@code Cases}, {@code Plans}, {@code Scopes} ...)
 * on the migrated schema in H2, one entity manager standing in for the container's transaction: a small county
 * is prepared from its approved cases, drawn once (the stored result is what {@code ReplayDraw} prints), compared
 * and published (cases moved, one SMS per admitted or reallocated child); another county's administrator is
 * refused. Only the SMS outbox and the verification records are stand-ins.
 */
class AdmissionsOnHibernateTest {

    static final String URL = "jdbc:h2:mem:admissionsboundary;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final RegionCode COUNTY = RegionCode.of("620123");
    static final Instant NOW = Instant.parse("2026-08-01T02:00:00Z");
    static final String SEED = "3f2a9c0177b40d5e1a2b3c4d5e6f7081";
    static final PersonalDataCipher CIPHER =
            new PersonalDataCipher((byte) 1, Map.of((byte) 1, new byte[16]), new byte[32]);
    static EntityManagerFactory factory;
    static List<String> towns;

    final List<SmsRequest> texted = new ArrayList<>();
    final List<CaseStatusChanged> changes = new ArrayList<>();
    final List<String> askedForRecords = new ArrayList<>();

    @BeforeAll
    static void aSmallCounty() throws SQLException {
        H2Units.migrate(URL);
        towns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "select code from oneenroll.region where parent_code = '620123' order by code limit 3")) {
            while (r.next()) {
                towns.add(r.getString(1));
            }
        }
        factory = H2Units.open("admission-boundary-test", URL, CIPHER);
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        staff(em, "county.admin", COUNTY, StaffRole.COUNTY_ADMIN);
        staff(em, "admin.other", RegionCode.of("620102"), StaffRole.COUNTY_ADMIN);
        staff(em, "city.supervisor", RegionCode.of("620100"), StaffRole.CITY_SUPERVISOR);
        // Two public schools, one zone each, in consecutive towns: neighbours for reallocation.
        School s1 = school(em, "YZ0001", "城关第一小学", towns.get(0));
        School s2 = school(em, "YZ0002", "夏官营小学", towns.get(1));
        zone(em, "620123-X-01", towns.get(0), s1);
        zone(em, "620123-X-02", towns.get(1), s2);
        EnrollmentPlan plan = new EnrollmentPlan(
                COUNTY,
                2026,
                Stage.PRIMARY,
                1,
                Instant.parse("2026-07-01T00:30:00Z"),
                Instant.parse("2026-07-31T09:00:00Z"),
                LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 9, 1),
                LotteryRule.SINGLE_NUMBER_PER_CHILD,
                List.of(
                        FamilyCategory.PREFERENTIAL,
                        FamilyCategory.HOUSE_AND_HUKOU,
                        FamilyCategory.HOUSE_ONLY,
                        FamilyCategory.HUKOU_ONLY_RELATIVE,
                        FamilyCategory.HUKOU_ONLY_RENTING,
                        FamilyCategory.MIGRANT),
                List.of(new PointsItem("PROPERTY", "房产类型：本县自有住房", 20)),
                List.of(new PlanSeat("YZ0001", 2), new PlanSeat("YZ0002", 2)));
        plan.publish(NOW.minusSeconds(86_400 * 60));
        em.persist(plan);
        // Zone 1 has three children for two seats, zone 2 one for two; one family lives in no zone.
        approved(em, 1, FamilyCategory.HOUSE_AND_HUKOU, "620123-X-01", towns.get(0));
        approved(em, 2, FamilyCategory.HOUSE_ONLY, "620123-X-01", towns.get(0));
        approved(em, 3, FamilyCategory.MIGRANT, "620123-X-01", towns.get(0));
        approved(em, 4, FamilyCategory.HOUSE_AND_HUKOU, "620123-X-02", towns.get(1));
        approved(em, 5, FamilyCategory.HOUSE_ONLY, null, towns.get(2));
        em.getTransaction().commit();
        em.close();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aCountyIsPreparedDrawnOnceComparedAndPublished() {
        RoundView prepared = inTransaction("county.admin", a -> a.prepare(2026, Stage.PRIMARY));
        assertEquals(RoundStatus.PREPARED, prepared.status());
        assertEquals(5, prepared.childCount());
        assertEquals(List.of("620123-2026-X-000003"), askedForRecords, "only the migrant child is scored");
        byte[] input = inTransaction("county.admin", a -> a.input(prepared.id()));
        assertEquals(prepared.inputSha256(), CanonicalText.sha256Hex(input));
        String text = new String(input, StandardCharsets.UTF_8);
        assertTrue(text.contains("\nzones 2\nzone 620123-X-01 YZ0001\nzone 620123-X-02 YZ0002\n"), text);
        assertTrue(text.contains("\nadjacencies 1\nadjacent 620123-X-01 620123-X-02\n"), text);
        assertTrue(text.contains("\nchild 620123-2026-X-000005 HOUSE_ONLY 0 -\n"), "no zone: followed up");

        InvalidValueException open = assertThrows(
                InvalidValueException.class, () -> inTransaction("county.admin", a -> a.prepare(2026, Stage.PRIMARY)));
        assertEquals("admission.round.open-exists", open.messageKey());
        InvalidValueException hidden = assertThrows(
                InvalidValueException.class, () -> inTransaction("admin.other", a -> a.round(prepared.id())));
        assertEquals("admission.round.unknown", hidden.messageKey());
        assertThrows(InvalidValueException.class, () -> inTransaction("admin.other", a -> a.draw(prepared.id(), SEED)));
        assertEquals(
                prepared.inputSha256(),
                inTransaction("city.supervisor", a -> a.round(prepared.id())).inputSha256());
        InvalidValueException supervisor = assertThrows(
                InvalidValueException.class,
                () -> inTransaction("city.supervisor", a -> a.prepare(2026, Stage.PRIMARY)));
        assertEquals("review.scope.none", supervisor.messageKey(), "a supervisor has no county to act on");

        InvalidValueException shortSeed = assertThrows(
                InvalidValueException.class, () -> inTransaction("county.admin", a -> a.draw(prepared.id(), "3f2a")));
        assertEquals("admission.seed.too-short", shortSeed.messageKey());
        RoundView drawn = inTransaction("county.admin", a -> a.draw(prepared.id(), SEED));
        assertEquals(RoundStatus.DRAWN, drawn.status());
        assertEquals("county.admin", drawn.seedEnteredBy());
        byte[] result = inTransaction("county.admin", a -> a.result(drawn.id()));
        assertArrayEquals(ReplayDraw.replay(input, LotterySeed.parse(SEED)), result, "what anyone replays");
        InvalidValueException again = assertThrows(
                InvalidValueException.class,
                () -> inTransaction("county.admin", a -> a.draw(drawn.id(), "00112233445566778899aabbccddeeff")));
        assertEquals("admission.round.drawn-already", again.messageKey());

        List<SchoolRow> schools = inTransaction("county.admin", a -> a.schools(drawn.id()));
        assertEquals(
                List.of("城关第一小学", "夏官营小学"),
                schools.stream().map(SchoolRow::name).toList());
        assertEquals(2, schools.get(0).admitted());
        assertEquals(0, schools.get(0).left());
        assertEquals(1, schools.get(1).admitted());
        assertEquals(1, schools.get(1).reallocated(), "zone 1's third child goes to the neighbouring zone");
        assertEquals(1, drawn.unplaced());
        List<UnplacedRow> unplaced = inTransaction("county.admin", a -> a.unplaced(drawn.id()));
        assertEquals(1, unplaced.size());
        assertEquals("620123-2026-X-000005", unplaced.get(0).caseNumber());
        assertEquals(UnplacedReason.NO_HOME_ZONE, unplaced.get(0).reason());
        assertEquals("核实家庭住址，划入招生片区后统筹安排", unplaced.get(0).followUp());
        // The migrant child is ranked last in zone 1 by the category order: reallocated.
        String why = inTransaction("county.admin", a -> a.explanation(drawn.id(), "620123-2026-x-000003"));
        assertTrue(why.startsWith("所填学校均已录满，调剂到学校YZ0002，距本片区1个相邻片区"), why);

        WhatIfView whatIf =
                inTransaction("county.admin", a -> a.whatIf(drawn.id(), new WhatIfRequest(Map.of("YZ0001", 3), null)));
        assertEquals(1, whatIf.childrenMoved());
        assertEquals("620123-2026-X-000003", whatIf.children().get(0).caseNumber());
        assertEquals("片区学校录取：城关第一小学", whatIf.children().get(0).after());
        assertEquals(
                RoundStatus.DRAWN,
                inTransaction("county.admin", a -> a.round(drawn.id())).status());

        PublishOutcome published = inTransaction("county.admin", a -> a.publish(drawn.id()));
        assertEquals(RoundStatus.PUBLISHED, published.round().status());
        assertEquals(3, published.admitted());
        assertEquals(1, published.reallocated());
        assertEquals(1, published.unplaced());
        assertEquals(List.of(), published.skippedCases());
        assertEquals(4, texted.size(), "one SMS per admitted or reallocated child, none for the unplaced one");
        assertEquals(
                List.of(
                        SmsTemplate.ADMISSION_RESULT,
                        SmsTemplate.ADMISSION_RESULT,
                        SmsTemplate.REALLOCATION_OFFER,
                        SmsTemplate.ADMISSION_RESULT),
                texted.stream().map(SmsRequest::template).toList());
        assertEquals(
                "admission:" + drawn.id() + ":620123-2026-X-000003",
                texted.get(2).key());
        assertEquals(5, changes.size(), "every case's change is announced (the provincial feedback follows it)");
        EntityManager em = factory.createEntityManager();
        try {
            Map<String, CaseStatus> expected = Map.of(
                    "620123-2026-X-000001", CaseStatus.ADMITTED,
                    "620123-2026-X-000002", CaseStatus.ADMITTED,
                    "620123-2026-X-000003", CaseStatus.REALLOCATED,
                    "620123-2026-X-000004", CaseStatus.ADMITTED,
                    "620123-2026-X-000005", CaseStatus.UNPLACED);
            expected.forEach((number, status) -> assertEquals(
                    status,
                    em.createNamedQuery(EnrollmentCase.BY_NUMBER, EnrollmentCase.class)
                            .setParameter("number", number)
                            .getSingleResult()
                            .status(),
                    number));
        } finally {
            em.close();
        }
        InvalidValueException twice = assertThrows(
                InvalidValueException.class, () -> inTransaction("county.admin", a -> a.publish(drawn.id())));
        assertEquals("admission.round.state-expected", twice.messageKey());
        InvalidValueException none = assertThrows(
                InvalidValueException.class, () -> inTransaction("county.admin", a -> a.prepare(2026, Stage.PRIMARY)));
        assertEquals("admission.no-approved", none.messageKey());
        assertTrue(none.getMessage().contains("2026年"), none.getMessage());
        // A case approved after the publication goes into a second round, which offers only the seats still free:
        // the first round filled all four.
        EntityManager late = factory.createEntityManager();
        late.getTransaction().begin();
        approved(late, 6, FamilyCategory.HOUSE_AND_HUKOU, "620123-X-02", towns.get(1));
        late.getTransaction().commit();
        late.close();
        RoundView second = inTransaction("county.admin", a -> a.prepare(2026, Stage.PRIMARY));
        String secondInput =
                new String(inTransaction("county.admin", a -> a.input(second.id())), StandardCharsets.UTF_8);
        assertTrue(secondInput.contains("\nschool YZ0001 PUBLIC 0\n"), secondInput);
        assertTrue(secondInput.contains("\nschool YZ0002 PUBLIC 0\n"), secondInput);
        assertEquals(1, second.childCount());
        inTransaction("county.admin", a -> a.cancel(second.id(), "测试：作废第二批次"));
        InvalidValueException noPlan = assertThrows(
                InvalidValueException.class, () -> inTransaction("county.admin", a -> a.prepare(2026, Stage.JUNIOR)));
        assertEquals("admission.no-plan", noPlan.messageKey());
    }

    /** The boundary as {@code caller} in one transaction, rolled back when it throws. */
    private <T> T inTransaction(String caller, Work<T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.on(admissions(em, caller));
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

    interface Work<T> {
        T on(Admissions admissions);
    }

    private Admissions admissions(EntityManager em, String caller) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SessionContext session = proxy(SessionContext.class, (method, args) -> switch (method) {
            case "getCallerPrincipal" -> (Principal) () -> caller;
            default -> throw new UnsupportedOperationException(method);
        });
        @SuppressWarnings("unchecked")
        Event<CaseStatusChanged> changed = proxy(Event.class, (method, args) -> {
            if (method.equals("fire")) {
                changes.add((CaseStatusChanged) args[0]);
                return null;
            }
            throw new UnsupportedOperationException(method);
        });
        Regions regions = with(new Regions(), "em", em);
        Zones zones = with(new Zones(), "em", em);
        Plans plans = with(with(with(with(new Plans(), "em", em), "clock", clock), "regions", regions), "zones", zones);
        Cases cases =
                with(with(with(with(new Cases(), "em", em), "clock", clock), "session", session), "changed", changed);
        Notifications notifications = new Notifications() {
            @Override
            public List<Long> smsAll(List<SmsRequest> requests) {
                texted.addAll(requests);
                return List.of();
            }
        };
        Verifications verifications = new Verifications() {
            @Override
            public Optional<VerificationResult> latest(String caseNumber) {
                askedForRecords.add(caseNumber);
                return Optional.empty();
            }
        };
        Admissions a = new Admissions();
        a.em = em;
        a.scopes = with(new Scopes(), "em", em);
        a.cases = cases;
        a.plans = plans;
        a.schools = with(new Schools(), "em", em);
        a.zones = zones;
        a.regions = regions;
        a.verifications = verifications;
        a.notifications = notifications;
        a.clock = clock;
        a.session = session;
        return a;
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> switch (m.getName()) {
                    case "toString" -> type.getSimpleName() + " stand-in";
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> answer.answer(m.getName(), args);
                });
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

    private static School school(EntityManager em, String code, String name, String town) {
        School s = new School(
                code,
                name,
                SchoolOwnership.PUBLIC,
                Address.of(COUNTY, town, "社区", null, null, null),
                null,
                List.of(new SchoolCapacity(Stage.PRIMARY, 90, 2)));
        em.persist(s);
        return s;
    }

    private static void zone(EntityManager em, String code, String town, School school) {
        CatchmentZone z = new CatchmentZone(code, code, COUNTY, Stage.PRIMARY);
        z.addUnit(Address.of(COUNTY, town, "社区", null, null, null).unitKey());
        z.addSchool(school);
        em.persist(z);
    }

    /** An approved case as review leaves it: checked, category confirmed, zone set, decided. */
    private static void approved(EntityManager em, int n, FamilyCategory category, String zone, String town) {
        String first17 = "62012320190315" + String.format("%03d", n);
        NationalId child = NationalId.of(first17 + NationalId.checkCharacter(first17));
        EnrollmentCase c = new EnrollmentCase(
                new CaseNumber(COUNTY, 2026, Stage.PRIMARY, n),
                ApplicationType.LOCAL,
                Channel.ONLINE,
                null,
                "儿童" + n,
                child,
                PhoneNumber.of(String.format("1380013%04d", n)),
                town,
                "{}",
                "system",
                NOW.minusSeconds(86_400 * 30));
        c.move(CaseStatus.VERIFYING, "system", NOW.minusSeconds(86_400 * 29), null);
        c.verified(CaseStatus.VERIFIED, category, true, zone, "system", NOW.minusSeconds(86_400 * 29), null);
        c.takeForReview("county.reviewer", NOW.minusSeconds(86_400 * 20));
        c.decide(CaseStatus.APPROVED, "county.reviewer", NOW.minusSeconds(86_400 * 20), "符合条件", null);
        em.persist(c);
    }
}
