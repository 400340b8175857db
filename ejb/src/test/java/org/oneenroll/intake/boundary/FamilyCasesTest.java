package org.oneenroll.intake.boundary;

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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneenroll.audit.boundary.AuditTrail;
import org.oneenroll.audit.entity.AuditAction;
import org.oneenroll.identity.boundary.ParentLogins;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffAccount;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.entity.CaseNumber;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.CaseStatusChanged;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.intake.entity.FamilyCase;
import org.oneenroll.intake.entity.FamilyCaseRow;
import org.oneenroll.intake.entity.NextStep;
import org.oneenroll.platform.H2Units;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.Plans;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.boundary.ReviewNotices;
import org.oneenroll.review.entity.DecisionKind;
import org.oneenroll.review.entity.ReviewDecision;
import org.oneenroll.verification.boundary.Verifications;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.VerificationResult;

/**
 * The {@code FamilyCases} boundary with its real collaborators on the migrated schema in H2: a parent sees their
 * own cases and nothing of another family's, whatever number they ask for; the status page says what to do next
 * from the reviewer's decision; the receipt is printed for the family and for staff of the case's county only.
 * Only the verification records and the audit trail are stand-ins.
 */
class FamilyCasesTest {

    static final String URL = "jdbc:h2:mem:familycases;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final RegionCode COUNTY = RegionCode.of("620123");
    static final Instant NOW = Instant.parse("2027-06-10T02:00:00Z");
    static final PersonalDataCipher CIPHER =
            new PersonalDataCipher((byte) 1, Map.of((byte) 1, new byte[16]), new byte[32]);
    static final String MOTHER = "13800138000";
    static final String NEIGHBOUR = "13900139000";
    static final String RETURNED = "620123-2027-X-000001";
    static final String APPROVED = "620123-2027-X-000002";
    static final String NEIGHBOURS = "620123-2027-X-000003";
    static final String STATUS_URL = "https://ruxue.example.gov.cn/parent/case.xhtml?number=";
    static EntityManagerFactory factory;

    /** What would have gone into the audit trail: action, target, purpose. */
    final List<String> audited = new ArrayList<>();

    /** The statuses cases moved to, as the status-change event would tell the rest of the system. */
    final List<CaseStatus> changes = new ArrayList<>();

    @BeforeAll
    static void twoFamilies() {
        H2Units.migrate(URL);
        factory = H2Units.open("parent-test", URL, CIPHER);
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        em.persist(new StaffAccount(
                "counter.staff", "窗口", "x", COUNTY, null, EnumSet.of(StaffRole.COUNTER_STAFF), null, null, NOW));
        em.persist(new StaffAccount(
                "counter.other",
                "窗口",
                "x",
                RegionCode.of("620102"),
                null,
                EnumSet.of(StaffRole.COUNTER_STAFF),
                null,
                null,
                NOW));
        EnrollmentPlan plan = new EnrollmentPlan(
                COUNTY,
                2027,
                Stage.PRIMARY,
                1,
                Instant.parse("2027-06-01T00:30:00Z"),
                Instant.parse("2027-06-30T09:00:00Z"),
                LocalDate.of(2027, 7, 20),
                LocalDate.of(2027, 9, 1),
                LotteryRule.SINGLE_NUMBER_PER_CHILD,
                List.of(FamilyCategory.HOUSE_AND_HUKOU),
                List.of(),
                List.of(new PlanSeat("YZ0001", 40)));
        plan.publish(NOW.minusSeconds(86_400 * 30));
        em.persist(plan);
        EnrollmentCase returned = reviewed(em, 1, "张小明", MOTHER);
        returned.decide(
                CaseStatus.RETURNED,
                "county.reviewer",
                NOW.minusSeconds(3600),
                "退回补充材料 办理意见：请上传经备案的租赁合同",
                LocalDate.of(2027, 6, 17));
        em.persist(returned);
        em.flush();
        em.persist(new ReviewDecision(
                returned.id(),
                "k1",
                DecisionKind.RETURN,
                null,
                "请上传经备案的租赁合同",
                "RENTAL_CONTRACT",
                LocalDate.of(2027, 6, 17),
                "county.reviewer",
                "620123",
                returned.submittedAt(),
                NOW.minusSeconds(3600),
                1));
        EnrollmentCase approved = reviewed(em, 2, "张小红", MOTHER);
        approved.decide(CaseStatus.APPROVED, "county.reviewer", NOW.minusSeconds(1800), "审核通过", null);
        em.persist(approved);
        em.persist(reviewed(em, 3, "李四", NEIGHBOUR));
        em.getTransaction().commit();
        em.close();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @BeforeEach
    void nothingAuditedYet() {
        audited.clear();
    }

    @Test
    void aParentSeesTheirOwnCasesNewestFirstWithTheChildsNameMasked() {
        List<FamilyCaseRow> mine = as(MOTHER, FamilyCases::mine);
        assertEquals(
                List.of(APPROVED, RETURNED),
                mine.stream().map(FamilyCaseRow::caseNumber).toList());
        assertEquals(
                List.of("张*红", "张*明"),
                mine.stream().map(FamilyCaseRow::childName).toList());
        assertEquals("审核通过", mine.get(0).statusLabel());
        assertEquals(
                List.of(NEIGHBOURS),
                as(NEIGHBOUR, FamilyCases::mine).stream()
                        .map(FamilyCaseRow::caseNumber)
                        .toList());
        assertEquals(List.of(), as("13700137000", FamilyCases::mine), "a number without cases has none");
    }

    @Test
    void theStatusPageSaysWhatToUploadByWhenAndIsAudited() {
        FamilyCase c = as(MOTHER, f -> f.view(RETURNED.toLowerCase(java.util.Locale.ROOT)));
        assertEquals(RETURNED, c.caseNumber());
        assertEquals("张*明", c.childName());
        assertEquals("退回补充材料", c.statusLabel());
        assertEquals("甘肃省 兰州市 榆中县", c.county());
        assertEquals(
                List.of("已提交", "核验中", "核验通过", "审核中", "退回补充材料"),
                c.timeline().stream().map(FamilyCase.Step::status).toList());
        assertEquals("请补充材料", c.next().headline());
        assertEquals(NextStep.Action.UPLOAD, c.next().action());
        assertEquals(
                "请于2027年6月17日前在申请页面上传：房屋租赁合同（备案）。逾期未补充将影响审核。",
                c.next().details().get(0));
        assertEquals("审核意见：请上传经备案的租赁合同", c.next().details().get(1));
        assertTrue(
                c.next().details().get(2).startsWith("招生服务点：榆中县教育局招生服务点"),
                c.next().details().toString());
        assertEquals(List.of("RECORD_VIEW " + RETURNED + " 家长查看办理进度"), audited);

        FamilyCase approved = as(MOTHER, f -> f.view(APPROVED));
        assertEquals(
                List.of("录取结果预计于2027年7月20日公布，届时将短信通知您，请保持手机畅通。"),
                approved.next().details(),
                "the results day comes from the county's plan");
    }

    @Test
    void anotherFamilysCaseReadsExactlyLikeANumberThatDoesNotExist() {
        InvalidValueException theirs =
                assertThrows(InvalidValueException.class, () -> as(NEIGHBOUR, f -> f.view(RETURNED)));
        InvalidValueException none =
                assertThrows(InvalidValueException.class, () -> as(NEIGHBOUR, f -> f.view("620123-2027-X-000999")));
        assertEquals("case.unknown", theirs.messageKey());
        assertEquals("没有找到办件“620123-2027-X-000001”，请核对编号", theirs.getMessage());
        assertEquals(none.messageKey(), theirs.messageKey());
        assertThrows(InvalidValueException.class, () -> as(NEIGHBOUR, f -> f.receipt(RETURNED, STATUS_URL + RETURNED)));
        assertEquals(List.of(), audited, "nothing was shown, nothing is audited");
        assertEquals(
                "case.number-format",
                assertThrows(InvalidValueException.class, () -> as(MOTHER, f -> f.view("../../etc")))
                        .messageKey());
    }

    @Test
    void theReceiptIsForTheFamilyAndForStaffOfTheCasesCountyOnly() {
        byte[] forFamily = as(MOTHER, f -> f.receipt(RETURNED, STATUS_URL + RETURNED));
        assertEquals("%PDF", new String(forFamily, 0, 4, StandardCharsets.US_ASCII));
        byte[] atCounter = as("counter.staff", f -> f.receipt(NEIGHBOURS, STATUS_URL + NEIGHBOURS));
        assertEquals("%PDF", new String(atCounter, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(
                List.of("RECORD_EXPORT " + RETURNED + " 打印受理回执", "RECORD_EXPORT " + NEIGHBOURS + " 打印受理回执"), audited);
        InvalidValueException otherCounty = assertThrows(
                InvalidValueException.class, () -> as("counter.other", f -> f.receipt(NEIGHBOURS, STATUS_URL)));
        assertEquals("case.unknown", otherCounty.messageKey());
    }

    @Test
    void authorisationWithdrawnBeforeAnyCheckSendsTheCaseToTheCounterInsteadOfLeavingItWaiting() {
        String father = "13600136000";
        String number = authorised(4, "王小五", father, false);

        as(father, f -> {
            f.withdrawConsent(number);
            return null;
        });

        FamilyCase after = as(father, f -> f.view(number));
        assertEquals(CaseStatus.NEEDS_OFFLINE_CHECK, after.status(), "no check will start: the sweeper skips it");
        assertTrue(after.consent().startsWith("已撤回"), after.consent());
        assertEquals(
                "监护人已撤回授权，未再查询政务数据，请重新授权后申请复查或到招生服务点核验",
                after.timeline().get(after.timeline().size() - 1).note());
        assertEquals(List.of(CaseStatus.VERIFYING, CaseStatus.NEEDS_OFFLINE_CHECK), changes);
    }

    @Test
    void withdrawingTheAuthorisationRaisesTheCasesVersionSoACheckStartingThenFails() {
        String aunt = "13500135000";
        String number = authorised(5, "赵小六", aunt, true);
        long before = version(number);

        as(aunt, f -> {
            f.withdrawConsent(number);
            return null;
        });

        assertEquals(before + 1, version(number), "a check that read the case before cannot write it any more");
        FamilyCase after = as(aunt, f -> f.view(number));
        assertEquals(CaseStatus.VERIFIED, after.status(), "a checked case stays where it is");
        assertTrue(after.consent().startsWith("已撤回"), after.consent());
        assertEquals(List.of(), changes);
    }

    /** A case with its authorisation in force: just submitted, or checked. */
    private static String authorised(int n, String child, String phone, boolean checked) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            EnrollmentCase c = submitted(n, child, phone, NOW.minusSeconds(60));
            c.grant(
                    child.charAt(0) + "家长",
                    new byte[32],
                    "6201********0001",
                    EnumSet.allOf(GovernmentSource.class),
                    "2027.3",
                    Channel.ONLINE,
                    "system",
                    NOW.minusSeconds(60));
            if (checked) {
                checked(c, NOW.minusSeconds(50));
            }
            em.persist(c);
            em.getTransaction().commit();
            return c.caseNumber();
        } finally {
            em.close();
        }
    }

    private static long version(String number) {
        EntityManager em = factory.createEntityManager();
        try {
            return em.createQuery("select c from EnrollmentCase c where c.caseNumber = :n", EnrollmentCase.class)
                    .setParameter("n", number)
                    .getSingleResult()
                    .version();
        } finally {
            em.close();
        }
    }

    /** The boundary as {@code caller} (a parent when it is a phone number) in one transaction. */
    private <T> T as(String caller, Function<FamilyCases, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(boundary(em, caller));
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

    private FamilyCases boundary(EntityManager em, String caller) {
        boolean parent = caller.matches("1[3-9][0-9]{9}");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SessionContext session = (SessionContext) Proxy.newProxyInstance(
                SessionContext.class.getClassLoader(),
                new Class<?>[] {SessionContext.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getCallerPrincipal" -> (Principal) () -> caller;
                    case "isCallerInRole" -> parent == args[0].equals(ParentLogins.ROLE);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        Regions regions = with(new Regions(), "em", em);
        FamilyCases f = new FamilyCases();
        f.em = em;
        f.verifications = new Verifications() {
            @Override
            public Optional<VerificationResult> latest(String caseNumber) {
                return Optional.empty();
            }
        };
        f.reviewNotices = with(new ReviewNotices(), "em", em);
        f.plans = with(with(new Plans(), "em", em), "clock", clock);
        f.regions = regions;
        f.staff = with(
                with(with(with(new StaffAccounts(), "em", em), "cipher", CIPHER), "clock", clock), "regions", regions);
        f.audit = new AuditTrail() {
            @Override
            public void record(AuditAction action, NationalId subject, String target, String purpose, String outcome) {
                audited.add(action + " " + target + " " + purpose);
            }
        };
        f.cipher = CIPHER;
        f.clock = clock;
        f.session = session;
        Cases cases = new Cases();
        cases.em = em;
        cases.clock = clock;
        cases.session = session;
        @SuppressWarnings("unchecked")
        Event<CaseStatusChanged> changed = (Event<CaseStatusChanged>)
                Proxy.newProxyInstance(Event.class.getClassLoader(), new Class<?>[] {Event.class}, (p, m, args) -> {
                    if (m.getName().equals("fire")) {
                        changes.add(((CaseStatusChanged) args[0]).to());
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        cases.changed = changed;
        f.cases = cases;
        return f;
    }

    /** A local family's primary-school case, number {@code n}, submitted online {@code at}. */
    private static EnrollmentCase submitted(int n, String child, String phone, Instant at) {
        String first17 = "62012320200315" + String.format("%03d", n);
        return new EnrollmentCase(
                new CaseNumber(COUNTY, 2027, Stage.PRIMARY, n),
                ApplicationType.LOCAL,
                Channel.ONLINE,
                null,
                child,
                NationalId.of(first17 + NationalId.checkCharacter(first17)),
                PhoneNumber.of(phone),
                "620123100",
                "{}",
                "system",
                at);
    }

    /** The first check started at {@code at} and found the house and the hukou, ten seconds later. */
    private static void checked(EnrollmentCase c, Instant at) {
        c.move(CaseStatus.VERIFYING, "system", at, "FIRST");
        c.verified(
                CaseStatus.VERIFIED,
                FamilyCategory.HOUSE_AND_HUKOU,
                true,
                null,
                "system",
                at.plusSeconds(10),
                "verification.category.HOUSE_AND_HUKOU");
    }

    /** A case checked and taken into review by the county reviewer, submitted a week ago. */
    private static EnrollmentCase reviewed(EntityManager em, int n, String child, String phone) {
        EnrollmentCase c = submitted(n, child, phone, NOW.minusSeconds(86_400 * 7 - n));
        checked(c, NOW.minusSeconds(86_400 * 7 - 10));
        c.takeForReview("county.reviewer", NOW.minusSeconds(7200));
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
}
