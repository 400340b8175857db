package org.oneenroll.review.perf;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.platform.control.Migrations;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.CaseRows;
import org.oneenroll.review.QueueRows;
import org.oneenroll.review.control.QueueQuery;
import org.oneenroll.review.entity.QueueFilter;
import org.oneenroll.review.entity.QueueRow;
import org.oneenroll.review.entity.QueueSort;
import org.oneenroll.review.entity.ReviewScope;
import org.oneenroll.review.entity.ReviewScope.Purpose;
import org.oneenroll.verification.entity.GovernmentSource;
import org.postgresql.PGConnection;

/**
 * The review queue at a million cases: builds the real schema (the Flyway migrations) in a scratch PostgreSQL
 * database, loads generated cases with COPY, and times what the queue screen runs per page (the counts per
 * status and the page, both from {@link QueueQuery}, the server's own code) for a county reviewer's first page,
 * a filtered page (with its counts, and again as the next page once the screen has counted), a school's, a
 * province's and a deep page. Prints one {@code review queue ... p95 ms:} line each.
 *
 * <p>Arguments: [cases (1000000)] [rounds (200)] [JDBC URL (jdbc:postgresql://127.0.0.1:5432/oneenroll_reviewbench)]
 * [reload (true)]. Create the database first: {@code createdb -h 127.0.0.1 -U postgres oneenroll_reviewbench}.
 */
public final class ReviewQueueBenchmark {

    /** The demo county holds the biggest share: a reviewer's worst case. */
    static final String BIG_COUNTY = "620123";

    static final double BIG_SHARE = 0.3;
    /** Other counties of Gansu the rest of the cases are spread over. */
    static final String[] OTHER_COUNTIES = {
        "620102", "620103", "620104", "620105", "620111", "620121", "620122", "620201", "620302", "620321",
        "620402", "620421", "620502", "620521", "620602", "620621", "620702", "620721", "620802", "620821"
    };

    private ReviewQueueBenchmark() {}

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String url = args.length > 2 ? args[2] : "jdbc:postgresql://127.0.0.1:5432/oneenroll_reviewbench";
        boolean reload = args.length <= 3 || Boolean.parseBoolean(args[3]);
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
            if (reload) {
                load(db, url, cases);
            }
            run(db, rounds);
        }
    }

    static void load(Connection db, String url, int cases) throws SQLException, java.io.IOException {
        try (Statement s = db.createStatement()) {
            s.execute("drop schema if exists " + Migrations.SCHEMA + " cascade");
            s.execute("drop table if exists public.flyway_schema_history");
        }
        Migrations.configure().dataSource(url, "postgres", "postgres").load().migrate();
        copyCases(db, cases);
    }

    /**
     * Adds {@code cases} generated cases to the schema of {@code db} with COPY (30 % in the demo county 620123, the
     * rest over 20 other Gansu counties), moves the case sequence past them and analyses the table: also how the
     * page benchmark on the test server (ear, {@code ReviewQueuePageBenchmark}) fills its database.
     */
    public static void copyCases(Connection db, int cases) throws SQLException, java.io.IOException {
        long started = System.nanoTime();
        long first;
        try (Statement s = db.createStatement();
                var rs = s.executeQuery("select coalesce(max(id), 0) from " + Migrations.SCHEMA + ".enrollment_case")) {
            rs.next();
            first = rs.getLong(1);
        }
        CaseRows gen = new CaseRows(2027, Instant.parse("2027-06-30T16:00:00Z")).startingAt(first + 1);
        CaseRows.Row last = null;
        StringBuilder batch = new StringBuilder(64 << 20);
        int big = (int) (cases * BIG_SHARE);
        var copy = db.unwrap(PGConnection.class).getCopyAPI();
        String sql = "copy " + Migrations.SCHEMA + ".enrollment_case (" + CaseRows.COPY_COLUMNS + ") from stdin";
        for (int i = 0; i < cases; i++) {
            String county = i < big ? BIG_COUNTY : OTHER_COUNTIES[i % OTHER_COUNTIES.length];
            last = gen.next(county, zones(county));
            appendTo(batch, last);
            if (batch.length() > (48 << 20) || i == cases - 1) {
                copy.copyIn(sql, new StringReader(batch.toString()));
                batch.setLength(0);
            }
        }
        try (Statement s = db.createStatement()) {
            s.execute("select setval('" + Migrations.SCHEMA + ".case_seq', " + (first + cases + 100) + ")");
            s.execute("vacuum analyze " + Migrations.SCHEMA + ".enrollment_case");
        }
        System.out.printf(
                Locale.ROOT, "loaded %d cases in %.1f s (%s...)%n", cases, (System.nanoTime() - started) / 1e9, last);
    }

    private static void appendTo(StringBuilder out, CaseRows.Row row) throws java.io.IOException {
        java.io.StringWriter w = new java.io.StringWriter(256);
        CaseRows.copyLine(w, row);
        out.append(w.getBuffer());
    }

    static List<String> zones(String county) {
        List<String> zones = new ArrayList<>();
        for (int z = 1; z <= 12; z++) {
            zones.add("Z-" + county + "-" + z);
        }
        return zones;
    }

    static void run(Connection db, int rounds) throws SQLException {
        QueueQuery query = new QueueQuery(Migrations.SCHEMA);
        ReviewScope county = ReviewScope.of(
                "county.reviewer",
                EnumSet.of(StaffRole.COUNTY_REVIEWER),
                RegionCode.of(BIG_COUNTY),
                null,
                List.of(),
                Purpose.DECIDE);
        ReviewScope school = ReviewScope.of(
                "school.reviewer",
                EnumSet.of(StaffRole.SCHOOL_REVIEWER),
                RegionCode.of(BIG_COUNTY),
                "S1",
                List.of("Z-" + BIG_COUNTY + "-3", "Z-" + BIG_COUNTY + "-4"),
                Purpose.DECIDE);
        ReviewScope province = ReviewScope.of(
                "province.supervisor",
                EnumSet.of(StaffRole.PROVINCE_SUPERVISOR),
                RegionCode.of("620000"),
                null,
                List.of(),
                Purpose.READ);
        QueueFilter filtered = new QueueFilter(
                EnumSet.of(CaseStatus.NEEDS_OFFLINE_CHECK, CaseStatus.UNDER_REVIEW),
                Stage.PRIMARY,
                null,
                null,
                null,
                GovernmentSource.SOCIAL_INSURANCE,
                null,
                LocalDate.of(2027, 7, 5),
                LocalDate.of(2027, 7, 25));
        report(
                "review queue p95 ms:",
                "first page, county of " + count(db, county),
                db,
                query,
                county,
                QueueFilter.work(),
                QueueSort.oldestFirst(),
                0,
                rounds,
                true);
        report(
                "review queue filtered p95 ms:",
                "status + stage + failed source + dates, 3rd page",
                db,
                query,
                county,
                filtered,
                QueueSort.oldestFirst(),
                40,
                rounds,
                true);
        report(
                "review queue filtered next page p95 ms:",
                "the same 3rd page when the screen already shows the counts (it counts once per filter)",
                db,
                query,
                county,
                filtered,
                QueueSort.oldestFirst(),
                40,
                rounds,
                false);
        report(
                "review queue school p95 ms:",
                "first page, school serving 2 of 12 zones",
                db,
                query,
                school,
                QueueFilter.work(),
                QueueSort.oldestFirst(),
                0,
                rounds,
                true);
        report(
                "review queue newest-first p95 ms:",
                "first page sorted by submission, newest first",
                db,
                query,
                county,
                QueueFilter.work(),
                new QueueSort(QueueSort.Field.SUBMITTED, false),
                0,
                rounds,
                true);
        report(
                "review queue province p95 ms:",
                "first page, province supervisor over all cases",
                db,
                query,
                province,
                QueueFilter.work(),
                QueueSort.oldestFirst(),
                0,
                rounds,
                true);
        report(
                "review queue deep page p95 ms:",
                "page at offset 20000, county",
                db,
                query,
                county,
                QueueFilter.work(),
                QueueSort.oldestFirst(),
                20_000,
                Math.max(20, rounds / 4),
                true);
    }

    private static long count(Connection db, ReviewScope scope) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "select count(*) from " + Migrations.SCHEMA + ".enrollment_case where county_code between ? and ?")) {
            s.setString(1, scope.lowestCounty());
            s.setString(2, scope.highestCounty());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Times {@code rounds} page loads (counts, if asked, and the page) after a tenth as many warm-up loads. */
    private static void report(
            String label,
            String what,
            Connection db,
            QueueQuery query,
            ReviewScope scope,
            QueueFilter filter,
            QueueSort sort,
            int first,
            int rounds,
            boolean withCounts)
            throws SQLException {
        long[] nanos = new long[rounds];
        long total = 0;
        int rows = 0;
        db.setAutoCommit(false);
        for (int i = -rounds / 10; i < rounds; i++) {
            long t0 = System.nanoTime();
            // As on the server (Reviews, QueryPlans): one transaction, plans for the values.
            rows(db, new QueueQuery.Sql(QueueQuery.CUSTOM_PLANS, List.of()));
            if (withCounts) {
                var counts = QueueQuery.counts(rows(db, query.counts(scope, filter, List.of())));
                total = QueueQuery.total(counts, filter.statuses());
            }
            List<QueueRow> page = rows(db, query.page(scope, filter, List.of(), sort, first, 20)).stream()
                    .map(QueueQuery::row)
                    .toList();
            rows = page.size();
            db.commit();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t0;
            }
        }
        db.setAutoCommit(true);
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "%s %.1f (p50 %.1f; %s; %s, %d rows shown; %d rounds)%n",
                label,
                nanos[(int) Math.ceil(rounds * 0.95) - 1] / 1e6,
                nanos[rounds / 2] / 1e6,
                what,
                withCounts ? total + " matching" : "not counted again",
                rows,
                rounds);
    }

    private static List<Object[]> rows(Connection db, QueueQuery.Sql sql) throws SQLException {
        return QueueRows.of(db, sql);
    }
}
