package org.oneenroll.review.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneenroll.platform.control.Migrations;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.review.entity.ReviewDecision;
import org.oneenroll.review.entity.ReviewReason;
import org.oneenroll.review.entity.ReviewScope;
import org.oneenroll.review.entity.ReviewScope.Purpose;

/**
 * The caller's scope as the server derives it, through WildFly's Hibernate on the migrated schema (H2 in
 * PostgreSQL mode): the entities and named queries the review context uses validate against V1–V7, a school
 * reviewer gets the zones their school serves, an inactive or unknown account gets nothing.
 */
class ScopesTest {

    static final String URL = "jdbc:h2:mem:reviewscopes;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static EntityManagerFactory factory;

    Scopes cut = new Scopes();
    EntityManager em;

    @BeforeAll
    static void schemaAndStaff() throws SQLException {
        Migrations.configure().dataSource(URL, "sa", "").load().migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("set schema oneenroll");
            s.execute("insert into school (id, code, name, ownership, county_code, town_code, community, version)"
                    + " values (1, 'S-A', '榆中县第一小学', 'PUBLIC', '620123', '620123100', '城关社区', 0),"
                    + " (2, 'S-B', '榆中县第二小学', 'PUBLIC', '620123', '620123100', '栖云社区', 0)");
            s.execute("insert into catchment_zone (id, code, name, county_code, stage, version) values"
                    + " (1, 'Z-2', '二片区', '620123', 'PRIMARY', 0), (2, 'Z-1', '一片区', '620123', 'PRIMARY', 0),"
                    + " (3, 'Z-3', '三片区', '620123', 'PRIMARY', 0)");
            s.execute("insert into zone_school (zone_id, school_id) values (1, 1), (2, 1), (3, 2)");
            s.execute("insert into staff_account (id, username, display_name, password_hash, region_code, school_code,"
                    + " active, created_at, version) values"
                    + " (1, 'school.reviewer', '王老师', 'x', '620123', 'S-A', true, current_timestamp, 0),"
                    + " (2, 'county.reviewer', '李老师', 'x', '620123', null, true, current_timestamp, 0),"
                    + " (3, 'gone.reviewer', '离职', 'x', '620123', null, false, current_timestamp, 0),"
                    + " (4, 'city.supervisor', '陈科长', 'x', '620100', null, true, current_timestamp, 0)");
            s.execute("insert into staff_role (staff_id, role) values (1, 'SCHOOL_REVIEWER'), (2, 'COUNTY_REVIEWER'),"
                    + " (3, 'COUNTY_REVIEWER'), (4, 'CITY_SUPERVISOR')");
        }
        factory = Persistence.createEntityManagerFactory(
                "review-mapping-test",
                Map.of(
                        "jakarta.persistence.jdbc.url", URL,
                        "jakarta.persistence.jdbc.user", "sa",
                        "jakarta.persistence.jdbc.password", ""));
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @BeforeEach
    void open() {
        em = factory.createEntityManager();
        cut.em = em;
    }

    @AfterEach
    void closeEm() {
        em.close();
    }

    @Test
    void aSchoolReviewerGetsTheZonesTheirSchoolServes() {
        assertEquals(List.of("Z-1", "Z-2"), cut.zonesOf("S-A"));
        ReviewScope scope = cut.of("school.reviewer", Purpose.DECIDE);
        assertEquals(ReviewScope.Level.SCHOOL, scope.level());
        assertEquals(List.of("Z-1", "Z-2"), scope.zoneCodes());
        assertTrue(scope.covers("620123", "Z-2"));
        assertTrue(!scope.covers("620123", "Z-3"), "the other school's zone");
        assertEquals(List.of(), cut.zonesOf("NO-SUCH-SCHOOL"));
    }

    @Test
    void countyAndCityAccountsGetTheirRegions() {
        assertEquals(
                ReviewScope.Level.COUNTY,
                cut.of("county.reviewer", Purpose.DECIDE).level());
        ReviewScope city = cut.of("city.supervisor", Purpose.READ);
        assertEquals("6201", city.regionPrefix());
        assertThrows(InvalidValueException.class, () -> cut.of("city.supervisor", Purpose.DECIDE));
    }

    @Test
    void inactiveAndUnknownAccountsGetNothing() {
        var gone = assertThrows(InvalidValueException.class, () -> cut.of("gone.reviewer", Purpose.READ));
        assertTrue(gone.getMessage().contains("没有审核或督导权限"), gone.getMessage());
        assertThrows(InvalidValueException.class, () -> cut.of("nobody", Purpose.READ));
    }

    @Test
    void theMaintainedReasonsAndTheDecisionArchiveAreMapped() {
        List<ReviewReason> reasons = em.createNamedQuery(ReviewReason.STARTING_LIST, ReviewReason.class)
                .getResultList();
        assertEquals(8, reasons.size(), "V7 seeds eight reasons, the starting list of every county");
        assertTrue(reasons.stream().allMatch(ReviewReason::active));
        assertEquals("OUT_OF_ZONE", reasons.get(0).code());
        assertEquals("OTHER", reasons.get(reasons.size() - 1).code());
        assertTrue(reasons.get(reasons.size() - 1).commentRequired());
        assertTrue(em.createNamedQuery(ReviewDecision.BY_KEY, ReviewDecision.class)
                .setParameter("key", "none")
                .getResultList()
                .isEmpty());
    }
}
