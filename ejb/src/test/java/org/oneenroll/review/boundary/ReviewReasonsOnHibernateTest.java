package org.oneenroll.review.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.SessionContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffAccount;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.entity.CaseNumber;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.platform.H2Units;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.control.ReasonLists;
import org.oneenroll.review.control.Scopes;
import org.oneenroll.review.entity.DecisionKind;
import org.oneenroll.review.entity.ReasonLine;
import org.oneenroll.review.entity.ReviewDecision;
import org.oneenroll.review.entity.ReviewReason;
import org.oneenroll.verification.entity.ApplicationType;

/**
 * The {@code ReviewReasons} boundary and the reviewers' list ({@code Reviews.reasons}) with their real collaborators
 * on the migrated schema in H2: a county starts with the province's list and its administrator's first change gives
 * it its own copy, which no other county sees; reasons are added, reworded, reordered, deactivated and reactivated,
 * and the reviewers' menu follows; a reason a decision names is never deleted nor reworded.
 */
class ReviewReasonsOnHibernateTest {

    static final String URL = "jdbc:h2:mem:reviewreasons;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final Instant NOW = Instant.parse("2026-07-06T02:00:00Z");
    static final PersonalDataCipher CIPHER =
            new PersonalDataCipher((byte) 1, Map.of((byte) 1, new byte[16]), new byte[32]);
    static EntityManagerFactory factory;
    static long caseId;

    @BeforeAll
    static void countiesWithAdministratorsAndReviewers() {
        H2Units.migrate(URL);
        factory = H2Units.open("feedback-boundary-test", URL, CIPHER);
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        for (String county : List.of("620123", "620102", "620121", "620122")) {
            staff(em, "admin." + county, county, StaffRole.COUNTY_ADMIN);
            staff(em, "reviewer." + county, county, StaffRole.COUNTY_REVIEWER);
        }
        staff(em, "city.supervisor", "620100", StaffRole.CITY_SUPERVISOR);
        String first17 = "62012320190315001";
        EnrollmentCase c = new EnrollmentCase(
                new CaseNumber(RegionCode.of("620123"), 2026, Stage.PRIMARY, 1),
                ApplicationType.LOCAL,
                Channel.ONLINE,
                null,
                "儿童",
                NationalId.of(first17 + NationalId.checkCharacter(first17)),
                PhoneNumber.of("13800138000"),
                "620123100",
                "{}",
                "system",
                NOW.minusSeconds(86_400));
        em.persist(c);
        em.getTransaction().commit();
        caseId = c.id();
        em.close();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aCountysFirstChangeGivesItItsOwnListAndNoOtherCountySeesIt() {
        List<ReasonLine> starting = as("admin.620123", ReviewReasons::list);
        assertEquals(8, starting.size());
        assertTrue(starting.get(0).starting());
        assertEquals("OUT_OF_ZONE", starting.get(0).code());

        ReasonLine added = as("admin.620123", r -> r.add(" 户籍迁入时间不满一年 ", false));
        assertEquals("620123-R1", added.code());
        assertEquals(9, added.position());
        assertEquals("admin.620123", added.changedBy());
        List<ReasonLine> own = as("admin.620123", ReviewReasons::list);
        assertEquals(9, own.size());
        assertFalse(own.get(0).starting());
        assertEquals("620123-OUT_OF_ZONE", own.get(0).code(), "the starting list copied under the county's codes");

        assertEquals("户籍迁入时间不满一年", last(reviewerMenu("reviewer.620123")));
        assertEquals(8, reviewerMenu("reviewer.620102").size(), "another county keeps the starting list");
        assertEquals(8, as("admin.620102", ReviewReasons::list).size());
        assertEquals(List.of(), reviewerMenu("city.supervisor"), "a supervisor decides nothing");
        assertEquals(
                "review.scope.none",
                assertThrows(InvalidValueException.class, () -> as("city.supervisor", ReviewReasons::list))
                        .messageKey());
    }

    @Test
    void aReasonADecisionNamesIsDeactivatedButNeverDeletedNorReworded() {
        // The screen still shows the starting list's code: the first change resolves it to the county's copy.
        as("admin.620102", r -> r.edit("AGE", "儿童年龄不符合本县入学条件", false));
        String code = "620102-AGE";
        inTransaction(em -> {
            em.persist(new ReviewDecision(
                    caseId,
                    "reason-test-1",
                    DecisionKind.REJECT,
                    code,
                    null,
                    null,
                    null,
                    "reviewer.620102",
                    "620102",
                    NOW.minusSeconds(3600),
                    NOW,
                    0));
            return null;
        });
        ReasonLine used = as("admin.620102", ReviewReasons::list).stream()
                .filter(l -> l.code().equals(code))
                .findFirst()
                .orElseThrow();
        assertEquals(1, used.uses());
        assertFalse(used.unused());
        InvalidValueException delete = assertThrows(
                InvalidValueException.class,
                () -> as("admin.620102", r -> {
                    r.delete(code);
                    return null;
                }));
        assertEquals("reason.used", delete.messageKey());
        InvalidValueException reword =
                assertThrows(InvalidValueException.class, () -> as("admin.620102", r -> r.edit(code, "年龄不符", false)));
        assertEquals("label", reword.field());
        assertEquals("reason.used-words", reword.messageKey());
        as("admin.620102", r -> r.edit(code, "儿童年龄不符合本县入学条件", true));

        as("admin.620102", r -> r.deactivate(code));
        assertFalse(reviewerMenu("reviewer.620102").contains("儿童年龄不符合本县入学条件"));
        assertEquals(7, reviewerMenu("reviewer.620102").size());
        as("admin.620102", r -> r.activate(code));
        assertTrue(reviewerMenu("reviewer.620102").contains("儿童年龄不符合本县入学条件"));
        assertTrue(inTransaction(em -> lists(em).find("620102", code))
                .orElseThrow()
                .commentRequired());
    }

    @Test
    void reasonsMoveUpAndDownAndAnUnusedOneIsDeleted() {
        ReasonLine added = as("admin.620121", r -> r.add("学籍信息与申报不符", true));
        as("admin.620121", r -> {
            r.move(added.code(), true);
            return null;
        });
        List<String> menu = reviewerMenu("reviewer.620121");
        assertEquals("学籍信息与申报不符", menu.get(7), "one place up, above 其他原因");
        assertEquals("其他原因（须在办理意见中说明）", last(menu));
        as("admin.620121", r -> {
            r.move("620121-OUT_OF_ZONE", true);
            r.move("620121-OUT_OF_ZONE", false);
            return null;
        });
        assertEquals("儿童年龄不符合入学条件", reviewerMenu("reviewer.620121").get(0), "at the top nothing moves up");
        List<ReasonLine> lines = as("admin.620121", ReviewReasons::list);
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(i + 1, lines.get(i).position(), "positions renumbered 1..n");
        }
        as("admin.620121", r -> {
            r.delete(added.code());
            return null;
        });
        assertEquals(8, as("admin.620121", ReviewReasons::list).size());
        assertFalse(reviewerMenu("reviewer.620121").contains("学籍信息与申报不符"));
    }

    @Test
    void wordsAreCheckedAndTheSameReasonIsNotAddedTwice() {
        InvalidValueException blank =
                assertThrows(InvalidValueException.class, () -> as("admin.620122", r -> r.add("  ", false)));
        assertEquals("label", blank.field());
        assertEquals("请填写理由内容", blank.getMessage());
        InvalidValueException twice =
                assertThrows(InvalidValueException.class, () -> as("admin.620122", r -> r.add("实际居住地不在本招生片区", false)));
        assertEquals("reason.duplicate", twice.messageKey());
        assertEquals(
                "reason.unknown",
                assertThrows(InvalidValueException.class, () -> as("admin.620122", r -> r.deactivate("620123-AGE")))
                        .messageKey(),
                "another county's reason is not on this county's list");
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }

    /** What a reviewer's decision dialog offers, in order. */
    private List<String> reviewerMenu(String reviewer) {
        return inTransaction(em -> {
            Reviews reviews = new Reviews();
            reviews.em = em;
            reviews.scopes = scopes(em);
            reviews.reasonLists = lists(em);
            reviews.session = session(reviewer);
            return reviews.reasons().stream().map(ReviewReason::label).toList();
        });
    }

    private <T> T as(String caller, Function<ReviewReasons, T> work) {
        return inTransaction(em -> {
            ReviewReasons r = new ReviewReasons();
            r.em = em;
            r.scopes = scopes(em);
            r.lists = lists(em);
            r.clock = Clock.fixed(NOW, ZoneOffset.UTC);
            r.session = session(caller);
            return work.apply(r);
        });
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
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

    private static Scopes scopes(EntityManager em) {
        return with(new Scopes(), em);
    }

    private static ReasonLists lists(EntityManager em) {
        return with(new ReasonLists(), em);
    }

    /** Sets the entity manager of a control bean, as the container would. */
    private static <T> T with(T bean, EntityManager em) {
        try {
            java.lang.reflect.Field f = bean.getClass().getDeclaredField("em");
            f.setAccessible(true);
            f.set(bean, em);
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SessionContext session(String caller) {
        return (SessionContext) Proxy.newProxyInstance(
                SessionContext.class.getClassLoader(), new Class<?>[] {SessionContext.class}, (p, m, args) -> {
                    if (m.getName().equals("getCallerPrincipal")) {
                        return (Principal) () -> caller;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private static void staff(EntityManager em, String username, String region, StaffRole role) {
        em.persist(new StaffAccount(
                username, username, "x", RegionCode.of(region), null, EnumSet.of(role), null, null, NOW));
    }
}
