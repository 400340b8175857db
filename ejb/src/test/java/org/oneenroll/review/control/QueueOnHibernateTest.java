package org.oneenroll.review.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.platform.control.Migrations;
import org.oneenroll.review.CaseRows;
import org.oneenroll.review.entity.QueueFilter;
import org.oneenroll.review.entity.QueueRow;
import org.oneenroll.review.entity.QueueSort;
import org.oneenroll.review.entity.ReviewScope;

/**
 * The queue's and the dashboards' statements as the boundaries run them: Hibernate native queries with bound
 * values (dates as {@code OffsetDateTime}, limits as numbers) and Hibernate's result types mapped back to rows,
 * on the migrated schema (H2 in PostgreSQL mode).
 */
class QueueOnHibernateTest {

    static final String URL = "jdbc:h2:mem:reviewnative;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final List<CaseRows.Row> ROWS = new ArrayList<>();
    static EntityManagerFactory factory;

    QueueQuery cut = new QueueQuery(Migrations.SCHEMA);

    @BeforeAll
    static void load() throws SQLException {
        Migrations.configure().dataSource(URL, "sa", "").load().migrate();
        CaseRows gen = new CaseRows(11, Instant.parse("2027-07-01T00:30:00Z"));
        for (int i = 0; i < 120; i++) {
            ROWS.add(gen.next(i % 3 == 0 ? "620102" : "620123", List.of("Z-1", "Z-2")));
        }
        try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
            CaseRows.insert(c, Migrations.SCHEMA, ROWS);
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

    @Test
    void aFilteredPageAndItsCountsComeBackAsRows() {
        ReviewScope county = ReviewScope.of(
                "r",
                EnumSet.of(StaffRole.COUNTY_REVIEWER),
                RegionCode.of("620123"),
                null,
                List.of(),
                ReviewScope.Purpose.READ);
        QueueFilter filter = new QueueFilter(
                null, null, null, null, null, null, null, LocalDate.of(2027, 7, 2), LocalDate.of(2027, 7, 28));
        EntityManager em = factory.createEntityManager();
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> countRows =
                    cut.counts(county, filter, List.of()).nativeQuery(em).getResultList();
            Map<CaseStatus, Long> counts = QueueQuery.counts(countRows);
            Instant from = LocalDate.of(2027, 7, 2)
                    .atStartOfDay(org.oneenroll.platform.control.Clocks.SHANGHAI)
                    .toInstant();
            Instant to = LocalDate.of(2027, 7, 29)
                    .atStartOfDay(org.oneenroll.platform.control.Clocks.SHANGHAI)
                    .toInstant();
            long expected = ROWS.stream()
                    .filter(r -> r.county().equals("620123")
                            && QueueFilter.WORK.contains(r.status())
                            && !r.submittedAt().isBefore(from)
                            && r.submittedAt().isBefore(to))
                    .count();
            assertTrue(expected > 0);
            assertEquals(expected, QueueQuery.total(counts, filter.statuses()));

            @SuppressWarnings("unchecked")
            List<Object[]> page = cut.page(county, filter, List.of(), QueueSort.oldestFirst(), 0, 10)
                    .nativeQuery(em)
                    .getResultList();
            List<QueueRow> rows = page.stream().map(QueueQuery::row).toList();
            assertEquals(Math.min(10, expected), rows.size());
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(!rows.get(i).submittedAt().isBefore(rows.get(i - 1).submittedAt()), "oldest first");
            }
            CaseRows.Row first = ROWS.stream()
                    .filter(r -> r.id() == rows.get(0).id())
                    .findFirst()
                    .orElseThrow();
            assertEquals(first.submittedAt(), rows.get(0).submittedAt(), "times survive Hibernate's mapping");
            assertEquals(first.failed(), rows.get(0).failedSources());
        } finally {
            em.close();
        }
    }

    @Test
    void theDashboardStatementsRunAndCountTheRegion() {
        ReviewScope city = ReviewScope.of(
                "c",
                EnumSet.of(StaffRole.CITY_SUPERVISOR),
                RegionCode.of("620100"),
                null,
                List.of(),
                ReviewScope.Purpose.READ);
        DashboardQueries queries = new DashboardQueries(Migrations.SCHEMA);
        EntityManager em = factory.createEntityManager();
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> byStatus =
                    queries.byStatusAndCategory(city).nativeQuery(em).getResultList();
            assertEquals(
                    ROWS.size(),
                    byStatus.stream()
                            .mapToLong(r -> ((Number) r[2]).longValue())
                            .sum());
            @SuppressWarnings("unchecked")
            List<Object[]> byRegion = queries.byRegion(city).nativeQuery(em).getResultList();
            assertEquals(2, byRegion.size(), "620102 and 620123");
            assertEquals(
                    ROWS.stream().filter(r -> r.county().equals("620102")).count(),
                    ((Number) byRegion.get(0)[1]).longValue());
            Object[] times =
                    (Object[]) queries.decisionTimes(city).nativeQuery(em).getSingleResult();
            assertEquals(0L, ((Number) times[0]).longValue(), "no decision yet");
            @SuppressWarnings("unchecked")
            List<Object[]> backlog = queries.backlog(city).nativeQuery(em).getResultList();
            assertEquals(
                    ROWS.stream()
                            .filter(r -> QueueFilter.WORK.contains(r.status()))
                            .count(),
                    backlog.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum());
            @SuppressWarnings("unchecked")
            List<Object[]> sources = queries.sources(city).nativeQuery(em).getResultList();
            assertTrue(sources.isEmpty(), "no evidence lines were generated");
        } finally {
            em.close();
        }
    }
}
