package org.oneenroll.admission.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.AdmissionRound;
import org.oneenroll.admission.entity.Allocation;
import org.oneenroll.admission.entity.CanonicalText;
import org.oneenroll.admission.entity.LotterySeed;
import org.oneenroll.admission.entity.Placement;
import org.oneenroll.admission.entity.RoundPlacement;
import org.oneenroll.admission.entity.RoundStatus;
import org.oneenroll.admission.entity.Route;
import org.oneenroll.admission.entity.UnplacedReason;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.control.Migrations;
import org.oneenroll.policy.entity.Stage;

/**
 * Rounds as the {@code Admissions} boundary stores them, on the migrated schema (H2 in PostgreSQL mode, mapping
 * validated by Hibernate): the stored input replays to the stored result, placements come back for the
 * follow-up list and the explanations, and a stage has one open round at a time.
 */
class RoundsOnHibernateTest {

    static final String URL = "jdbc:h2:mem:admissionrounds;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final Instant T = Instant.parse("2026-08-01T02:00:00Z");
    static EntityManagerFactory factory;

    AdmissionInput input =
            AdmissionInput.parse(new ByteArrayInputStream(ReplayDrawTest.EXAMPLE.getBytes(StandardCharsets.UTF_8)));

    @BeforeAll
    static void migrate() throws SQLException {
        Migrations.configure().dataSource(URL, "sa", "").load().migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("insert into oneenroll.enrollment_plan (id, county_code, plan_year, stage, revision, status,"
                    + " online_opens, online_closes, lottery_rule) values (7, '620123', 2026, 'PRIMARY', 1,"
                    + " 'PUBLISHED', timestamp with time zone '2026-07-01 08:30:00+08',"
                    + " timestamp with time zone '2026-07-31 17:00:00+08', 'SINGLE_NUMBER_PER_CHILD')");
        }
        factory = Persistence.createEntityManagerFactory(
                "admission-mapping-test",
                Map.of(
                        "jakarta.persistence.jdbc.url", URL,
                        "jakarta.persistence.jdbc.user", "sa",
                        "jakarta.persistence.jdbc.password", ""));
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aDrawnRoundReplaysAndListsItsUnplacedChildren() {
        long id = inTransaction(em -> {
            AdmissionRound r = round(Stage.PRIMARY, 1);
            em.persist(r);
            return r.id();
        });
        inTransaction(em -> {
            AdmissionRound r = em.find(AdmissionRound.class, id);
            assertEquals(
                    input.sha256(), CanonicalText.sha256Hex(r.inputText()), "the stored bytes are the hashed ones");
            LotterySeed seed = LotterySeed.parse(ReplayDrawTest.EXAMPLE_SEED);
            Allocation result =
                    new AdmissionEngine().run(AdmissionInput.parse(new ByteArrayInputStream(r.inputText())), seed);
            r.drawn(seed.hex(), "admin", T, result.canonicalBytes(), result.sha256(), 6, 1, 1);
            RoundReports reports = new RoundReports(Locale.SIMPLIFIED_CHINESE);
            for (int child = 0; child < result.childCount(); child++) {
                Placement p = result.placement(child);
                em.persist(new RoundPlacement(r.id(), p, reports.explanation(result, p.childRef())));
            }
            return null;
        });
        inTransaction(em -> {
            AdmissionRound r = em.find(AdmissionRound.class, id);
            assertEquals(RoundStatus.DRAWN, r.status());
            assertArrayEquals(
                    ReplayDraw.replay(r.inputText(), LotterySeed.parse(r.seedHex())),
                    r.resultText(),
                    "the stored result is what anyone replays from the published input and seed");
            assertEquals(ReplayDrawTest.EXAMPLE_RESULT_SHA256, r.resultSha256());
            assertEquals(
                    8,
                    em.createNamedQuery(RoundPlacement.OF_ROUND, RoundPlacement.class)
                            .setParameter("round", id)
                            .getResultList()
                            .size());
            List<RoundPlacement> unplaced = em.createNamedQuery(RoundPlacement.UNPLACED, RoundPlacement.class)
                    .setParameter("round", id)
                    .getResultList();
            assertEquals(1, unplaced.size());
            assertEquals("620123-2026-X-000008", unplaced.get(0).caseNumber());
            assertEquals(UnplacedReason.NO_HOME_ZONE, unplaced.get(0).unplacedReason());
            assertTrue(
                    unplaced.get(0).explanation().startsWith("暂未安排学位：住址不在任何招生片区内"),
                    unplaced.get(0).explanation());
            RoundPlacement reallocated = em.createNamedQuery(RoundPlacement.OF_CASE, RoundPlacement.class)
                    .setParameter("round", id)
                    .setParameter("number", "620123-2026-X-000002")
                    .getSingleResult();
            assertEquals(Route.REALLOCATED, reallocated.route());
            assertEquals("BS01", reallocated.schoolCode());
            assertEquals(2, reallocated.hops());
            return null;
        });
    }

    @Test
    void aStageHasOneOpenRoundAtATime() {
        long first = inTransaction(em -> {
            AdmissionRound r = round(Stage.JUNIOR, 1);
            em.persist(r);
            return r.id();
        });
        PersistenceException clash = assertThrows(
                PersistenceException.class,
                () -> inTransaction(em -> {
                    em.persist(round(Stage.JUNIOR, 2));
                    em.flush();
                    return null;
                }));
        assertTrue(uniqueViolationOf(clash, "admission_round_open"), "the boundary recognises the race by name");
        inTransaction(em -> {
            em.find(AdmissionRound.class, first).cancel("admin", T, "种子录入前发现计划数有误");
            return null;
        });
        long second = inTransaction(em -> {
            AdmissionRound r = round(Stage.JUNIOR, 2);
            em.persist(r);
            return r.id();
        });
        inTransaction(em -> {
            List<AdmissionRound> rounds = em.createNamedQuery(AdmissionRound.OF_STAGE, AdmissionRound.class)
                    .setParameter("county", RegionCode.of("620123"))
                    .setParameter("year", 2026)
                    .setParameter("stage", Stage.JUNIOR)
                    .getResultList();
            assertEquals(
                    List.of(second, first),
                    rounds.stream().map(AdmissionRound::id).toList());
            assertEquals(RoundStatus.CANCELLED, rounds.get(1).status());
            assertEquals("种子录入前发现计划数有误", rounds.get(1).cancelReason());
            return null;
        });
    }

    /** As {@code Admissions} tells a concurrent preparation from other failures. */
    private static boolean uniqueViolationOf(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && "23505".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private AdmissionRound round(Stage stage, int number) {
        return new AdmissionRound(
                RegionCode.of("620123"),
                2026,
                stage,
                number,
                7L,
                input.plan().reference(),
                input.childCount(),
                input.canonicalBytes(),
                input.sha256(),
                "admin",
                T);
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
}
