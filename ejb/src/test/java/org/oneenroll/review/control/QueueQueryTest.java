package org.oneenroll.review.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.Migrations;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.CaseRows;
import org.oneenroll.review.QueueRows;
import org.oneenroll.review.entity.QueueFilter;
import org.oneenroll.review.entity.QueueRow;
import org.oneenroll.review.entity.QueueSort;
import org.oneenroll.review.entity.ReviewScope;
import org.oneenroll.review.entity.ReviewScope.Purpose;
import org.oneenroll.verification.entity.GovernmentSource;

/**
 * The queue's statements on the real schema (the migrations on H2 in PostgreSQL mode), against an oracle computed
 * from the generated cases: scope first (no case of another county, city, province or school ever appears),
 * every filter, the counts and the total, sorting and pages that never overlap.
 */
class QueueQueryTest {

    static final String URL = "jdbc:h2:mem:reviewqueue;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final List<CaseRows.Row> ROWS = new ArrayList<>();
    static Connection db;

    QueueQuery cut = new QueueQuery(Migrations.SCHEMA);

    @BeforeAll
    static void load() throws SQLException {
        Migrations.configure().dataSource(URL, "sa", "").load().migrate();
        db = DriverManager.getConnection(URL, "sa", "");
        CaseRows gen = new CaseRows(7, Instant.parse("2027-07-01T00:30:00Z"));
        for (int i = 0; i < 600; i++) {
            ROWS.add(gen.next("620123", List.of("Z-YZ-1", "Z-YZ-2", "Z-YZ-3")));
        }
        for (int i = 0; i < 200; i++) {
            ROWS.add(gen.next("620102", List.of("Z-CG-1")));
        }
        for (int i = 0; i < 100; i++) {
            ROWS.add(gen.next("630102", List.of("Z-XN-1")));
        }
        CaseRows.insert(db, Migrations.SCHEMA, ROWS);
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    static ReviewScope county(String code) {
        return ReviewScope.of(
                "r", EnumSet.of(StaffRole.COUNTY_REVIEWER), RegionCode.of(code), null, List.of(), Purpose.DECIDE);
    }

    static ReviewScope school(List<String> zones) {
        return ReviewScope.of(
                "s", EnumSet.of(StaffRole.SCHOOL_REVIEWER), RegionCode.of("620123"), "S1", zones, Purpose.DECIDE);
    }

    @Test
    void aCountySeesItsOwnWorkingQueueOnly() throws SQLException {
        List<QueueRow> all = all(county("620123"), QueueFilter.work(), List.of());
        assertEquals(expected(r -> r.county().equals("620123") && QueueFilter.WORK.contains(r.status())), ids(all));
        assertTrue(all.stream().allMatch(r -> r.caseNumber().startsWith("620123-")));
    }

    @Test
    void aSchoolSeesTheZonesItServesOnly() throws SQLException {
        List<QueueRow> all = all(school(List.of("Z-YZ-2")), QueueFilter.work(), List.of());
        assertFalse(all.isEmpty());
        assertEquals(
                expected(r -> "Z-YZ-2".equals(r.zone())
                        && r.county().equals("620123")
                        && QueueFilter.WORK.contains(r.status())),
                ids(all));
        assertTrue(
                all(school(List.of()), QueueFilter.work(), List.of()).isEmpty(),
                "a school serving no zone sees nothing");
    }

    @Test
    void aCityAndAProvinceSeeTheirCountiesOnly() throws SQLException {
        ReviewScope city = ReviewScope.of(
                "c", EnumSet.of(StaffRole.CITY_SUPERVISOR), RegionCode.of("620100"), null, List.of(), Purpose.READ);
        assertEquals(
                expected(r -> r.county().startsWith("6201") && QueueFilter.WORK.contains(r.status())),
                ids(all(city, QueueFilter.work(), List.of())));
        ReviewScope qinghai = ReviewScope.of(
                "p", EnumSet.of(StaffRole.PROVINCE_SUPERVISOR), RegionCode.of("630000"), null, List.of(), Purpose.READ);
        assertEquals(
                expected(r -> r.county().startsWith("63") && QueueFilter.WORK.contains(r.status())),
                ids(all(qinghai, QueueFilter.work(), List.of())));
    }

    @Test
    void everyFilterNarrowsAsTheOracleSays() throws SQLException {
        QueueFilter f = new QueueFilter(
                EnumSet.of(CaseStatus.NEEDS_OFFLINE_CHECK, CaseStatus.UNDER_REVIEW, CaseStatus.RETURNED),
                Stage.PRIMARY,
                null,
                null,
                null,
                GovernmentSource.SOCIAL_INSURANCE,
                null,
                LocalDate.of(2027, 7, 5),
                LocalDate.of(2027, 7, 20));
        Instant from = LocalDate.of(2027, 7, 5).atStartOfDay(Clocks.SHANGHAI).toInstant();
        Instant to = LocalDate.of(2027, 7, 21).atStartOfDay(Clocks.SHANGHAI).toInstant();
        Set<Long> want = expected(r -> r.county().equals("620123")
                && f.statuses().contains(r.status())
                && r.stage() == Stage.PRIMARY
                && r.failed().contains(GovernmentSource.SOCIAL_INSURANCE)
                && !r.submittedAt().isBefore(from)
                && r.submittedAt().isBefore(to));
        assertFalse(want.isEmpty(), "the generated data exercises the filter");
        assertEquals(want, ids(all(county("620123"), f, List.of())));

        QueueFilter byCategory = new QueueFilter(
                Set.of(CaseStatus.APPROVED), null, null, FamilyCategory.MIGRANT, null, null, null, null, null);
        assertEquals(
                expected(r -> r.county().equals("620123")
                        && r.status() == CaseStatus.APPROVED
                        && r.category() == FamilyCategory.MIGRANT),
                ids(all(county("620123"), byCategory, List.of())));
    }

    @Test
    void theSchoolFilterUsesTheSchoolsZonesInsideTheScope() throws SQLException {
        QueueFilter f = new QueueFilter(null, null, null, null, "S9", null, null, null, null);
        assertEquals(
                expected(r -> r.county().equals("620123")
                        && "Z-YZ-1".equals(r.zone())
                        && QueueFilter.WORK.contains(r.status())),
                ids(all(county("620123"), f, List.of("Z-YZ-1", "Z-CG-1"))),
                "a zone of another county stays out: the scope comes first");
    }

    @Test
    void countsPerStatusAndTheTotalAgree() throws SQLException {
        Map<CaseStatus, Long> counts =
                QueueQuery.counts(rows(cut.counts(county("620102"), QueueFilter.work(), List.of())));
        for (CaseStatus s : QueueFilter.REVIEWABLE) {
            assertEquals(
                    expected(r -> r.county().equals("620102") && r.status() == s)
                            .size(),
                    counts.get(s),
                    s.name());
        }
        assertEquals(
                expected(r -> r.county().equals("620102") && QueueFilter.WORK.contains(r.status()))
                        .size(),
                QueueQuery.total(counts, QueueFilter.WORK));
    }

    @Test
    void pagesInEveryOrderNeverOverlapAndFollowTheSort() throws SQLException {
        for (QueueSort.Field field : QueueSort.Field.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                QueueSort sort = new QueueSort(field, ascending);
                List<QueueRow> seen = new ArrayList<>();
                for (int first = 0; ; first += 40) {
                    List<QueueRow> page =
                            rows(cut.page(county("620123"), QueueFilter.work(), List.of(), sort, first, 40)).stream()
                                    .map(QueueQuery::row)
                                    .toList();
                    seen.addAll(page);
                    if (page.size() < 40) {
                        break;
                    }
                }
                assertEquals(seen.size(), new HashSet<>(ids(seen)).size(), "no row twice in " + sort);
                for (int i = 1; i < seen.size(); i++) {
                    int c = compare(field, seen.get(i - 1), seen.get(i));
                    assertTrue(ascending ? c <= 0 : c >= 0, "order of " + sort + " at " + i);
                }
            }
        }
    }

    @Test
    void rowsCarryWhatTheScreenShows() throws SQLException {
        QueueRow first =
                rows(cut.page(county("620123"), QueueFilter.work(), List.of(), QueueSort.oldestFirst(), 0, 1)).stream()
                        .map(QueueQuery::row)
                        .findFirst()
                        .orElseThrow();
        CaseRows.Row want =
                ROWS.stream().filter(r -> r.id() == first.id()).findFirst().orElseThrow();
        assertEquals(want.caseNumber(), first.caseNumber());
        assertEquals(want.status(), first.status());
        assertEquals(want.failed(), first.failedSources());
        assertEquals(want.submittedAt(), first.submittedAt());
        assertEquals(want.zone(), first.zoneCode());
    }

    private static int compare(QueueSort.Field field, QueueRow a, QueueRow b) {
        int c =
                switch (field) {
                    case SUBMITTED, STATUS_CHANGED -> a.submittedAt().compareTo(b.submittedAt());
                    case CASE_NUMBER -> a.caseNumber().compareTo(b.caseNumber());
                };
        return c != 0 ? c : Long.compare(a.id(), b.id());
    }

    private List<QueueRow> all(ReviewScope scope, QueueFilter filter, List<String> schoolZones) throws SQLException {
        List<QueueRow> all = new ArrayList<>();
        for (int first = 0; ; first += QueueQuery.MAX_PAGE) {
            List<QueueRow> page =
                    rows(cut.page(scope, filter, schoolZones, QueueSort.oldestFirst(), first, QueueQuery.MAX_PAGE))
                            .stream()
                            .map(QueueQuery::row)
                            .toList();
            all.addAll(page);
            if (page.size() < QueueQuery.MAX_PAGE) {
                return all;
            }
        }
    }

    private static Set<Long> expected(Predicate<CaseRows.Row> p) {
        Set<Long> ids = new HashSet<>();
        ROWS.stream().filter(p).forEach(r -> ids.add(r.id()));
        return ids;
    }

    private static Set<Long> ids(List<QueueRow> rows) {
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.id()));
        return ids;
    }

    static List<Object[]> rows(QueueQuery.Sql sql) throws SQLException {
        return QueueRows.of(db, sql);
    }
}
