package org.oneenroll.feedback.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.SessionContext;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneenroll.audit.boundary.AuditTrail;
import org.oneenroll.audit.entity.AuditAction;
import org.oneenroll.audit.entity.AuditEntry;
import org.oneenroll.feedback.entity.ConcernChannel;
import org.oneenroll.feedback.entity.ConcernDetail;
import org.oneenroll.feedback.entity.ConcernFilter;
import org.oneenroll.feedback.entity.ConcernForm;
import org.oneenroll.feedback.entity.ConcernKind;
import org.oneenroll.feedback.entity.ConcernNotice;
import org.oneenroll.feedback.entity.ConcernPage;
import org.oneenroll.feedback.entity.ConcernReceipt;
import org.oneenroll.feedback.entity.ConcernState;
import org.oneenroll.feedback.entity.ConcernSummary;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffAccount;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.CaseNumber;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.platform.H2Units;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.entity.ApplicationType;

/**
 * The {@code Concerns} boundary with its real collaborators ({@code Cases}, {@code StaffAccounts}, {@code Regions},
 * {@code AuditTrail}) on the migrated schema in H2, one entity manager standing in for each call's transaction: a
 * family submits without signing in (case checked against its county, limits per address and number, everything
 * typed sealed at rest), county staff log a 12345 transfer and handle items through their states, staff of another
 * county and supervisors are refused what is not theirs, overdue items and the supervisors' counts follow the clock.
 */
class ConcernsOnHibernateTest {

    static final String URL = "jdbc:h2:mem:concerns;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    /** A Monday, 10:00 in China: a complaint is due five working days later, the next Monday. */
    static final Instant MONDAY = Instant.parse("2026-07-06T02:00:00Z");

    static final PersonalDataCipher CIPHER =
            new PersonalDataCipher((byte) 1, Map.of((byte) 1, new byte[16]), new byte[32]);
    static final String MOTHER = "13800138000";
    static final String NEIGHBOUR = "13900139000";
    static final String OURS = "620123-2026-X-000001";
    static final String ELSEWHERE = "620102-2026-X-000001";
    static EntityManagerFactory factory;

    Instant now = MONDAY;

    @BeforeAll
    static void twoCountiesTheirStaffAndACaseEach() {
        H2Units.migrate(URL);
        factory = H2Units.open("feedback-boundary-test", URL, CIPHER);
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        staff(em, "county.admin", "620123", StaffRole.COUNTY_ADMIN);
        staff(em, "county.reviewer", "620123", StaffRole.COUNTY_REVIEWER);
        staff(em, "admin.other", "620102", StaffRole.COUNTY_ADMIN);
        staff(em, "city.supervisor", "620100", StaffRole.CITY_SUPERVISOR);
        staff(em, "province.supervisor", "620000", StaffRole.PROVINCE_SUPERVISOR);
        staff(em, "xining.supervisor", "630100", StaffRole.CITY_SUPERVISOR);
        staff(em, "school.reviewer", "620123", StaffRole.SCHOOL_REVIEWER);
        aCase(em, "620123", MOTHER);
        aCase(em, "620102", NEIGHBOUR);
        em.getTransaction().commit();
        em.close();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @BeforeEach
    void noItemsYet() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("delete from oneenroll.concern_step");
            s.execute("delete from oneenroll.concern");
            s.execute("delete from oneenroll.audit_entry");
        }
    }

    @Test
    void aFamilySubmitsWithoutSigningInAndOnlyTheirCountysStaffFindIt() throws SQLException {
        ConcernReceipt receipt = as(null, c -> c.submit(complaint(MOTHER, " 620123-2026-x-000001 "), "10.0.0.1"));
        assertTrue(receipt.reference().matches("T\\d{8}"), receipt.reference());
        assertEquals("138****8000", receipt.maskedPhone());
        assertEquals(LocalDate.of(2026, 7, 13), receipt.dueOn(), "five working days");
        assertEquals("投诉", receipt.kindLabel());

        ConcernPage page = as("county.reviewer", c -> c.queue(ConcernFilter.open(), 0, 20));
        assertEquals(1, page.total());
        assertEquals("片区划分有误", page.rows().get(0).subject());
        assertEquals("138****8000", page.rows().get(0).phoneMasked());
        assertEquals(OURS, page.rows().get(0).caseNumber());
        assertEquals(Map.of(ConcernState.RECEIVED, 1L), page.countsByState());
        assertEquals(
                0, as("admin.other", c -> c.queue(ConcernFilter.all(), 0, 20)).total());
        assertEquals(
                0,
                as("xining.supervisor", c -> c.queue(ConcernFilter.all(), 0, 20))
                        .total());
        assertEquals(
                1,
                as("province.supervisor", c -> c.queue(ConcernFilter.all(), 0, 20))
                        .total());

        long id = page.rows().get(0).id();
        ConcernDetail detail = as("county.reviewer", c -> c.detail(id));
        assertEquals("网上留言", detail.channelLabel());
        assertEquals("甘肃省 兰州市 榆中县", detail.countyName());
        assertTrue(detail.handleable());
        List<AuditEntry> lines = as("county.reviewer", c -> c.audit.about(PhoneNumber.of(MOTHER)));
        assertEquals(1, lines.size(), "opening the item is audited");
        assertEquals(AuditAction.RECORD_VIEW, lines.get(0).action());
        assertEquals("county.reviewer", lines.get(0).actor());

        // Nothing the family typed is in clear in the database.
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery("select phone_sealed, subject_sealed, text_sealed from oneenroll.concern")) {
            assertTrue(r.next());
            for (int i = 1; i <= 3; i++) {
                String stored = new String(r.getBytes(i), StandardCharsets.ISO_8859_1);
                assertFalse(stored.contains(MOTHER), "phone sealed");
                assertFalse(new String(r.getBytes(i), StandardCharsets.UTF_8).contains("片区"), "text sealed");
            }
        }
    }

    @Test
    void aCaseOfAnotherCountyOrNoneAtAllIsRefusedTheSameWay() {
        InvalidValueException elsewhere = assertThrows(
                InvalidValueException.class, () -> as(null, c -> c.submit(complaint(MOTHER, ELSEWHERE), "a")));
        assertEquals("caseNumber", elsewhere.field());
        assertEquals("feedback.case-unknown", elsewhere.messageKey());
        InvalidValueException unknown = assertThrows(
                InvalidValueException.class,
                () -> as(null, c -> c.submit(complaint(MOTHER, "620123-2026-X-009999"), "a")));
        assertEquals(elsewhere.messageKey(), unknown.messageKey());
        assertEquals(
                "caseNumber",
                assertThrows(
                                InvalidValueException.class,
                                () -> as(null, c -> c.submit(complaint(MOTHER, "12345"), "a")))
                        .field());
        InvalidValueException phone = assertThrows(
                InvalidValueException.class, () -> as(null, c -> c.submit(complaint("0931-1234567", null), "a")));
        assertEquals("phone", phone.field());
        assertEquals(
                0, as("county.admin", c -> c.queue(ConcernFilter.all(), 0, 20)).total(), "nothing stored");
    }

    @Test
    void onlineSubmissionsAreLimitedPerAddressAndPerNumberButStaffLoggingIsNot() {
        for (int i = 0; i < 5; i++) {
            String phone = "1370013700" + i;
            as(null, c -> c.submit(complaint(phone, null), "10.0.0.9"));
        }
        InvalidValueException address = assertThrows(
                InvalidValueException.class, () -> as(null, c -> c.submit(complaint("13700137009", null), "10.0.0.9")));
        assertEquals("form", address.field());
        assertTrue(address.getMessage().startsWith("同一网络1小时内最多提交5次"), address.getMessage());
        now = now.plus(Duration.ofMinutes(61));
        as(null, c -> c.submit(complaint("13700137009", null), "10.0.0.9"));

        for (int i = 0; i < 5; i++) {
            String address2 = "10.0.1." + i;
            as(null, c -> c.submit(complaint(NEIGHBOUR, null), address2));
        }
        InvalidValueException number = assertThrows(
                InvalidValueException.class, () -> as(null, c -> c.submit(complaint(NEIGHBOUR, null), "10.0.2.1")));
        assertEquals("phone", number.field());
        as(
                "county.reviewer",
                c -> c.log(new ConcernForm(
                        ConcernKind.CONSULTATION,
                        ConcernChannel.HOTLINE,
                        NEIGHBOUR,
                        null,
                        "来电咨询",
                        "询问报名时间和材料。",
                        null,
                        null)));
    }

    @Test
    void countyStaffLogA12345TransferInTheirOwnCounty() {
        ConcernForm noTicket = new ConcernForm(
                ConcernKind.COMPLAINT,
                ConcernChannel.TRANSFER_12345,
                MOTHER,
                OURS,
                "12345转办：片区",
                "市民来电反映片区划分不合理。",
                null,
                MONDAY.minus(Duration.ofDays(2)));
        InvalidValueException refused =
                assertThrows(InvalidValueException.class, () -> as("county.reviewer", c -> c.log(noTicket)));
        assertEquals("externalRef", refused.field());
        ConcernForm transfer = new ConcernForm(
                noTicket.kind(),
                noTicket.channel(),
                noTicket.phone(),
                noTicket.caseNumber(),
                noTicket.subject(),
                noTicket.text(),
                "GS12345-0704-0001",
                noTicket.receivedAt());
        ConcernReceipt receipt = as("county.reviewer", c -> c.log(transfer));
        // Received Saturday 4 July: due five working days later, Friday 10 July.
        assertEquals(LocalDate.of(2026, 7, 10), receipt.dueOn());
        ConcernDetail d = as(
                "county.admin",
                c -> c.detail(c.queue(ConcernFilter.all(), 0, 1).rows().get(0).id()));
        assertEquals("12345转办", d.channelLabel());
        assertEquals("GS12345-0704-0001", d.externalRef());
        assertEquals("county.reviewer", d.enteredBy());
        assertEquals("county.reviewer", d.steps().get(0).actor());
        assertEquals(
                "feedback.scope.none",
                assertThrows(InvalidValueException.class, () -> as("city.supervisor", c -> c.log(transfer)))
                        .messageKey(),
                "supervisors read, they do not log");
        ConcernForm otherCountysCase = new ConcernForm(
                ConcernKind.COMPLAINT, ConcernChannel.HOTLINE, MOTHER, ELSEWHERE, "来电", "来电反映其他县的办件。", null, null);
        assertEquals(
                "caseNumber",
                assertThrows(InvalidValueException.class, () -> as("county.reviewer", c -> c.log(otherCountysCase)))
                        .field());
    }

    @Test
    void anotherCountysStaffAndSupervisorsCannotHandleAnItem() {
        as(null, c -> c.submit(complaint(MOTHER, OURS), "10.0.0.1"));
        long id = as("county.admin", c -> c.queue(ConcernFilter.all(), 0, 1))
                .rows()
                .get(0)
                .id();
        for (String outsider : List.of("admin.other", "xining.supervisor")) {
            InvalidValueException hidden =
                    assertThrows(InvalidValueException.class, () -> as(outsider, c -> c.detail(id)));
            assertEquals("feedback.unknown", hidden.messageKey(), outsider);
        }
        assertEquals(
                "feedback.unknown",
                assertThrows(InvalidValueException.class, () -> as("admin.other", c -> c.answer(id, 0, "越权答复")))
                        .messageKey());
        assertEquals(
                "feedback.unknown",
                assertThrows(InvalidValueException.class, () -> as("admin.other", c -> c.fullPhone(id)))
                        .messageKey());
        ConcernDetail read = as("city.supervisor", c -> c.detail(id));
        assertFalse(read.handleable(), "a supervisor reads only");
        assertEquals(
                "feedback.scope.none",
                assertThrows(InvalidValueException.class, () -> as("city.supervisor", c -> c.answer(id, 0, "督导答复")))
                        .messageKey());
        assertEquals(
                "feedback.scope.none",
                assertThrows(
                                InvalidValueException.class,
                                () -> as("school.reviewer", c -> c.queue(ConcernFilter.all(), 0, 5)))
                        .messageKey());
        assertEquals(
                "supervision.region",
                assertThrows(InvalidValueException.class, () -> as("city.supervisor", c -> c.summary("630102")))
                        .messageKey());
        assertEquals(
                ConcernState.RECEIVED, as("county.admin", c -> c.detail(id)).state(), "nothing changed");

        assertEquals(MOTHER, as("county.admin", c -> c.fullPhone(id)));
        List<AuditEntry> lines = as("county.admin", c -> c.audit.about(PhoneNumber.of(MOTHER)));
        assertTrue(
                lines.stream()
                        .anyMatch(l ->
                                l.actor().equals("county.admin") && l.purpose().contains("完整联系电话")),
                "showing the full number is audited");
    }

    @Test
    void anItemMovesThroughItsStatesAndAStaleViewChangesNothing() {
        as(null, c -> c.submit(complaint(MOTHER, OURS), "10.0.0.1"));
        ConcernDetail seen = as(
                "county.reviewer",
                c -> c.detail(c.queue(ConcernFilter.all(), 0, 1).rows().get(0).id()));
        ConcernDetail started = as("county.reviewer", c -> c.start(seen.id(), seen.version()));
        assertEquals(ConcernState.IN_PROGRESS, started.state());
        assertEquals("county.reviewer", started.handler());
        InvalidValueException stale = assertThrows(
                InvalidValueException.class,
                () -> as("county.admin", c -> c.answer(seen.id(), seen.version(), "迟到的答复")));
        assertEquals("feedback.stale", stale.messageKey());
        assertTrue(stale.getMessage().contains("办理中"), stale.getMessage());
        now = now.plus(Duration.ofHours(2));
        ConcernDetail answered =
                as("county.admin", c -> c.answer(started.id(), started.version(), "经核实，您家属于城关第一小学片区，已为您更正。"));
        assertEquals(ConcernState.ANSWERED, answered.state());
        assertEquals("已答复", answered.stateLabel());
        assertEquals(
                List.of("已受理", "办理中", "已答复"),
                answered.steps().stream().map(ConcernDetail.Step::to).toList());
        assertEquals(
                List.of("family", "county.reviewer", "county.admin"),
                answered.steps().stream().map(ConcernDetail.Step::actor).toList());
        assertFalse(answered.handleable(), "an answered item is finished");
        assertEquals(
                "feedback.state-final",
                assertThrows(
                                InvalidValueException.class,
                                () -> as("county.admin", c -> c.close(answered.id(), answered.version(), "重复")))
                        .messageKey());

        List<ConcernNotice> mine = as(MOTHER, Concerns::mine);
        assertEquals(1, mine.size());
        assertEquals("经核实，您家属于城关第一小学片区，已为您更正。", mine.get(0).reply());
        assertEquals(List.of(), as(NEIGHBOUR, Concerns::mine), "a family sees only their own");
    }

    @Test
    void aSignedInParentAsksAboutTheirOwnCaseOnly() {
        ConcernReceipt r = as(
                MOTHER, c -> c.submitAboutCase(OURS, ConcernKind.CONSULTATION, "何时出结果", "请问什么时候公布审核结果？", "10.0.0.1"));
        assertTrue(r.reference().startsWith("Z"), r.reference());
        InvalidValueException notTheirs = assertThrows(
                InvalidValueException.class,
                () -> as(NEIGHBOUR, c -> c.submitAboutCase(OURS, ConcernKind.COMPLAINT, "他人办件", "想看看别人的办件。", "b")));
        assertEquals("case.unknown", notTheirs.messageKey());
        ConcernPage page = as("county.reviewer", c -> c.queue(ConcernFilter.all(), 0, 5));
        assertEquals(1, page.total());
        assertEquals(OURS, page.rows().get(0).caseNumber());
        assertEquals("Z", page.rows().get(0).reference().substring(0, 1));
    }

    @Test
    void overdueItemsAndTheSupervisorsCountsFollowTheClock() {
        ConcernReceipt answeredOne = as(null, c -> c.submit(complaint(MOTHER, null), "10.0.0.1"));
        as(null, c -> c.submit(complaint(MOTHER, null), "10.0.0.1"));
        as(
                null,
                c -> c.submit(
                        ConcernForm.online(ConcernKind.CONSULTATION, NEIGHBOUR, null, "报名材料", "租房家庭需要哪些材料？"),
                        "10.0.0.2"));
        ConcernPage found = as(
                "county.reviewer",
                c -> c.queue(new ConcernFilter(null, null, false, null, null, answeredOne.reference(), null), 0, 5));
        assertEquals(1, found.total(), "found by its reference");
        ConcernDetail first =
                as("county.reviewer", c -> c.detail(found.rows().get(0).id()));
        as("county.reviewer", c -> c.answer(first.id(), first.version(), "已电话答复。"));
        assertEquals(
                1,
                as(
                                "city.supervisor",
                                c -> c.queue(
                                        new ConcernFilter(
                                                null,
                                                ConcernState.OPEN,
                                                false,
                                                null,
                                                null,
                                                answeredOne.reference(),
                                                null),
                                        0,
                                        5))
                        .total(),
                "a reference finds its item whatever the state filter says");

        now = Instant.parse("2026-07-10T02:00:00Z"); // Friday: the consultation was due Thursday
        ConcernPage overdue =
                as("county.reviewer", c -> c.queue(new ConcernFilter(null, null, true, null, null, null, null), 0, 5));
        assertEquals(1, overdue.total());
        assertEquals(ConcernKind.CONSULTATION, overdue.rows().get(0).kind());
        assertTrue(overdue.rows().get(0).overdue());
        assertEquals(1, overdue.overdue());
        ConcernPage byPhone = as(
                "county.reviewer", c -> c.queue(new ConcernFilter(null, null, false, MOTHER, null, null, null), 0, 5));
        assertEquals(2, byPhone.total(), "a caller's earlier items by their number");

        ConcernSummary city = as("city.supervisor", c -> c.summary(null));
        assertEquals("6201", city.regionPrefix());
        ConcernSummary.KindLine complaints = line(city, ConcernKind.COMPLAINT);
        assertEquals(1, complaints.received());
        assertEquals(1, complaints.answered());
        assertEquals(0, complaints.overdue());
        assertEquals(1, line(city, ConcernKind.CONSULTATION).overdue());
        assertEquals(3, city.total());
        assertEquals(city, as("province.supervisor", c -> c.summary("620100")));
        assertEquals(3, as("province.supervisor", c -> c.summary("620123")).total());
        assertEquals(0, as("city.supervisor", c -> c.summary("620102")).total());
        assertEquals(0, as("xining.supervisor", c -> c.summary(null)).total());

        now = Instant.parse("2026-07-14T02:00:00Z"); // the next Tuesday: the open complaint is late too
        assertEquals(2, as("city.supervisor", c -> c.summary(null)).overdue());
        assertEquals(
                Set.of(ConcernState.RECEIVED),
                Set.copyOf(as(
                                "county.admin",
                                c -> c.queue(new ConcernFilter(null, null, true, null, null, null, null), 0, 5))
                        .rows()
                        .stream()
                        .map(r -> r.state())
                        .toList()));
    }

    private static ConcernSummary.KindLine line(ConcernSummary s, ConcernKind kind) {
        return s.lines().stream().filter(l -> l.kind() == kind).findFirst().orElseThrow();
    }

    private static ConcernForm complaint(String phone, String caseNumber) {
        return ConcernForm.online(ConcernKind.COMPLAINT, phone, caseNumber, "片区划分有误", "我家住在城关镇，却被划入了其他学校的招生片区。");
    }

    /** The boundary as {@code caller} ({@code null}: nobody signed in) in one transaction, rolled back when it throws. */
    private <T> T as(String caller, Function<Concerns, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(concerns(em, caller == null ? "anonymous" : caller));
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

    private Concerns concerns(EntityManager em, String caller) {
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(now, zone);
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        SessionContext session = (SessionContext) Proxy.newProxyInstance(
                SessionContext.class.getClassLoader(), new Class<?>[] {SessionContext.class}, (p, m, args) -> {
                    if (m.getName().equals("getCallerPrincipal")) {
                        return (Principal) () -> caller;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        Concerns c = new Concerns();
        c.em = em;
        c.cases = with(new Cases(), "em", em);
        c.staff = with(new StaffAccounts(), "em", em);
        c.regions = with(new Regions(), "em", em);
        c.audit = with(
                with(with(with(new AuditTrail(), "em", em), "cipher", CIPHER), "clock", clock), "session", session);
        c.cipher = CIPHER;
        c.settings = new Settings();
        c.clock = clock;
        c.session = session;
        return c;
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

    private static void staff(EntityManager em, String username, String region, StaffRole role) {
        em.persist(new StaffAccount(
                username, username, "x", RegionCode.of(region), null, EnumSet.of(role), null, null, MONDAY));
    }

    private static void aCase(EntityManager em, String county, String phone) {
        String first17 = county + "20190315" + "001";
        EnrollmentCase c = new EnrollmentCase(
                new CaseNumber(RegionCode.of(county), 2026, Stage.PRIMARY, 1),
                ApplicationType.LOCAL,
                Channel.ONLINE,
                null,
                "儿童",
                NationalId.of(first17 + NationalId.checkCharacter(first17)),
                PhoneNumber.of(phone),
                county + "100",
                "{}",
                "system",
                MONDAY.minus(Duration.ofDays(10)));
        em.persist(c);
        assertNotNull(c);
    }
}
