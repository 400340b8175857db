package org.oneenroll.review.control;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.entity.QueueFilter;
import org.oneenroll.review.entity.QueueRow;
import org.oneenroll.review.entity.QueueSort;
import org.oneenroll.review.entity.ReviewScope;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.GovernmentSource;

/**
 * Turns a scope, a filter and a sort into the queue's SQL: one statement for a page, one for the counts per
 * status (whose sum over the chosen statuses is the page's total, so a page costs two statements). Plain SQL
 * that PostgreSQL and H2 both run, with every value bound, never spliced; the scope is always the first
 * condition. The same code serves the server and the queue benchmark.
 */
public final class QueueQuery {

    /** A statement and its values in order; {@link #jdbc()} for JDBC, {@link #numbered()} for JPA native queries. */
    public record Sql(String text, List<Object> params) {

        public Sql {
            params = List.copyOf(params);
        }

        public String jdbc() {
            return text;
        }

        /** The statement as a native query of {@code em}, its values bound. */
        public jakarta.persistence.Query nativeQuery(jakarta.persistence.EntityManager em) {
            jakarta.persistence.Query q = em.createNativeQuery(numbered());
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(i + 1, params.get(i));
            }
            return q;
        }

        /** The text with {@code ?1, ?2 ...} for Jakarta Persistence native queries. */
        public String numbered() {
            StringBuilder out = new StringBuilder(text.length() + 16);
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                out.append(ch);
                if (ch == '?') {
                    out.append(++n);
                }
            }
            return out.toString();
        }
    }

    static final String COLUMNS = "id, case_number, child_name, stage, application_type, channel, status, category,"
            + " category_confirmed, zone_code, failed_sources, reviewer, submitted_at, status_changed_at, version";
    /**
     * PostgreSQL only, in the statements' transaction: plan each statement for its values, never one generic plan
     * (see {@link QueryPlans}).
     */
    public static final String CUSTOM_PLANS = "select set_config('plan_cache_mode', 'force_custom_plan', true)";

    /** A page larger than this is refused: the screen offers at most 100 rows. */
    public static final int MAX_PAGE = 200;

    private final String table;

    /** @param schema the schema OneEnroll's tables live in */
    public QueueQuery(String schema) {
        this.table = schema + ".enrollment_case";
    }

    /**
     * One page of the queue.
     *
     * @param schoolZones for a school filter: the zones the school serves (inside the scope), else ignored
     */
    public Sql page(
            ReviewScope scope, QueueFilter filter, List<String> schoolZones, QueueSort sort, int first, int size) {
        if (first < 0 || size < 1 || size > MAX_PAGE) {
            throw new IllegalArgumentException("page from " + first + " of " + size);
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql =
                new StringBuilder("select ").append(COLUMNS).append(" from ").append(table);
        where(sql, params, scope, filter, schoolZones);
        statuses(sql, params, filter.statuses());
        String direction = sort.ascending() ? " asc" : " desc";
        sql.append(" order by ")
                .append(sort.field().column())
                .append(direction)
                .append(", id")
                .append(direction);
        sql.append(" limit ? offset ?");
        params.add(size);
        params.add(first);
        return new Sql(sql.toString(), params);
    }

    /** How many cases of each reviewable status the filter matches, its statuses left open. */
    public Sql counts(ReviewScope scope, QueueFilter filter, List<String> schoolZones) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select status, count(*) from ").append(table);
        where(sql, params, scope, filter, schoolZones);
        statuses(sql, params, QueueFilter.REVIEWABLE);
        sql.append(" group by status");
        return new Sql(sql.toString(), params);
    }

    private static void where(
            StringBuilder sql, List<Object> params, ReviewScope scope, QueueFilter f, List<String> schoolZones) {
        // The scope first, always. One county is an equality, so the (county, submitted) index yields the queue
        // in order and a page stops after its rows; a city or province is a range of county codes.
        if (scope.lowestCounty().equals(scope.highestCounty())) {
            sql.append(" where county_code = ?");
            params.add(scope.lowestCounty());
        } else {
            sql.append(" where county_code between ? and ?");
            params.add(scope.lowestCounty());
            params.add(scope.highestCounty());
        }
        if (scope.level() == ReviewScope.Level.SCHOOL) {
            in(sql, params, "zone_code", scope.zoneCodes());
        }
        if (f.schoolCode() != null) {
            in(sql, params, "zone_code", schoolZones);
        }
        equal(sql, params, "stage", f.stage());
        equal(sql, params, "application_type", f.type());
        equal(sql, params, "category", f.category());
        equal(sql, params, "channel", f.channel());
        if (f.failedSource() != null) {
            sql.append(" and failed_sources like ?");
            params.add("%," + f.failedSource().name() + ",%");
        }
        if (f.submittedFrom() != null) {
            sql.append(" and submitted_at >= ?");
            params.add(startOf(f.submittedFrom()));
        }
        if (f.submittedTo() != null) {
            sql.append(" and submitted_at < ?");
            params.add(startOf(f.submittedTo().plusDays(1)));
        }
    }

    private static void statuses(StringBuilder sql, List<Object> params, Set<CaseStatus> statuses) {
        in(sql, params, "status", statuses.stream().map(Enum::name).sorted().toList());
    }

    private static void in(StringBuilder sql, List<Object> params, String column, List<String> values) {
        if (values.isEmpty()) {
            // Nothing can match (a school serving no zone): say so rather than widen the query.
            sql.append(" and 1 = 0");
            return;
        }
        sql.append(" and ")
                .append(column)
                .append(" in (")
                .append(values.stream().map(v -> "?").collect(Collectors.joining(", ")))
                .append(')');
        params.addAll(values);
    }

    private static void equal(StringBuilder sql, List<Object> params, String column, Enum<?> value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value.name());
        }
    }

    /** The first instant of a day in China, as the database compares timestamps with time zone. */
    static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(Clocks.SHANGHAI).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A row of {@link #page}'s result. */
    public static QueueRow row(Object[] r) {
        return new QueueRow(
                ((Number) r[0]).longValue(),
                (String) r[1],
                (String) r[2],
                Stage.valueOf((String) r[3]),
                ApplicationType.valueOf((String) r[4]),
                Channel.valueOf((String) r[5]),
                CaseStatus.valueOf((String) r[6]),
                r[7] == null ? null : FamilyCategory.valueOf((String) r[7]),
                Boolean.TRUE.equals(r[8]),
                (String) r[9],
                sources((String) r[10]),
                (String) r[11],
                instant(r[12]),
                instant(r[13]),
                ((Number) r[14]).longValue());
    }

    /** The counts of {@link #counts}' result, every reviewable status present (zero if none). */
    public static Map<CaseStatus, Long> counts(List<Object[]> rows) {
        Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        QueueFilter.REVIEWABLE.forEach(s -> counts.put(s, 0L));
        for (Object[] r : rows) {
            counts.put(CaseStatus.valueOf((String) r[0]), ((Number) r[1]).longValue());
        }
        return counts;
    }

    /** The number of cases the filter's statuses cover, from the counts. */
    public static long total(Map<CaseStatus, Long> counts, Set<CaseStatus> statuses) {
        return statuses.stream().mapToLong(s -> counts.getOrDefault(s, 0L)).sum();
    }

    static Set<GovernmentSource> sources(String stored) {
        Set<GovernmentSource> sources = EnumSet.noneOf(GovernmentSource.class);
        if (stored != null) {
            for (String name : stored.split(",")) {
                if (!name.isEmpty()) {
                    sources.add(GovernmentSource.valueOf(name));
                }
            }
        }
        return sources;
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalArgumentException("not a point in time: " + value.getClass());
    }
}
