package org.oneenroll.review;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.GovernmentSource;

/**
 * Generated rows of {@code enrollment_case} for the queue's tests and benchmark, written straight into the real
 * schema (JDBC batches, or PostgreSQL COPY text): the columns the queue reads are realistic, the sealed ones are
 * random bytes. Deterministic for a seed.
 */
public final class CaseRows {

    /** One generated case, as the queue sees it. */
    public record Row(
            long id,
            String caseNumber,
            String county,
            Stage stage,
            ApplicationType type,
            Channel channel,
            CaseStatus status,
            FamilyCategory category,
            boolean confirmed,
            String zone,
            Set<GovernmentSource> failed,
            String reviewer,
            Instant submittedAt) {

        public String failedColumn() {
            if (failed.isEmpty()) {
                return null;
            }
            List<String> names = new ArrayList<>();
            new TreeSet<>(failed.stream().map(Enum::name).toList()).forEach(names::add);
            return "," + String.join(",", names) + ",";
        }
    }

    static final CaseStatus[] STATUSES = {
        CaseStatus.VERIFIED,
        CaseStatus.VERIFIED,
        CaseStatus.VERIFIED,
        CaseStatus.NEEDS_OFFLINE_CHECK,
        CaseStatus.UNDER_REVIEW,
        CaseStatus.APPROVED,
        CaseStatus.APPROVED,
        CaseStatus.REJECTED,
        CaseStatus.RETURNED,
        CaseStatus.SUBMITTED
    };
    static final GovernmentSource[] OFTEN_FAILING = {
        GovernmentSource.SOCIAL_INSURANCE,
        GovernmentSource.RENTAL_REGISTRATION,
        GovernmentSource.REAL_ESTATE_TITLE,
        GovernmentSource.RESIDENCE_PERMIT,
        GovernmentSource.HUKOU
    };

    private final Random random;
    private final Instant start;
    private long next = 1;
    private final java.util.Map<String, Integer> serials = new java.util.HashMap<>();

    /** @param start the first submission; the others follow within 30 days */
    public CaseRows(long seed, Instant start) {
        this.random = new Random(seed);
        this.start = start;
    }

    /** Numbers the generated cases' ids from {@code firstId}, after the rows a table already holds. */
    public CaseRows startingAt(long firstId) {
        next = firstId;
        return this;
    }

    /** The next case of {@code county}, in one of {@code zones}. */
    public Row next(String county, List<String> zones) {
        long id = next++;
        Stage stage = random.nextInt(4) == 0 ? Stage.JUNIOR : Stage.PRIMARY;
        int serial = serials.merge(county + stage, 1, Integer::sum);
        String number = county + "-2027-" + (stage == Stage.PRIMARY ? "P" : "J") + "-" + String.format("%06d", serial);
        CaseStatus status = STATUSES[random.nextInt(STATUSES.length)];
        boolean checked = status != CaseStatus.SUBMITTED;
        Set<GovernmentSource> failed = new TreeSet<>();
        if (status == CaseStatus.NEEDS_OFFLINE_CHECK || (checked && random.nextInt(6) == 0)) {
            failed.add(OFTEN_FAILING[random.nextInt(OFTEN_FAILING.length)]);
        }
        if (status == CaseStatus.VERIFIED) {
            failed.clear();
        }
        FamilyCategory category =
                checked ? FamilyCategory.values()[random.nextInt(FamilyCategory.values().length)] : null;
        String reviewer = status == CaseStatus.UNDER_REVIEW
                        || status == CaseStatus.APPROVED
                        || status == CaseStatus.REJECTED
                        || status == CaseStatus.RETURNED
                ? "reviewer" + random.nextInt(5)
                : null;
        return new Row(
                id,
                number,
                county,
                stage,
                random.nextInt(3) == 0 ? ApplicationType.NON_LOCAL : ApplicationType.LOCAL,
                random.nextInt(5) == 0 ? Channel.COUNTER : Channel.ONLINE,
                status,
                category,
                status == CaseStatus.VERIFIED || (checked && failed.isEmpty()),
                checked ? zones.get(random.nextInt(zones.size())) : null,
                failed,
                reviewer,
                start.plusSeconds(random.nextInt(30 * 24 * 3600)));
    }

    static final String INSERT = "insert into %s.enrollment_case (id, case_number, county_code, plan_year, stage,"
            + " application_type, channel, entered_by, status, child_name, child_id_sealed, child_id_digest,"
            + " home_town_code, declaration_sealed, category, category_confirmed, zone_code, verification_count,"
            + " created_at, submitted_at, status_changed_at, version, failed_sources, reviewer)"
            + " values (?, ?, ?, 2027, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";

    /** Inserts the rows with JDBC batches (any database). */
    public static void insert(Connection c, String schema, List<Row> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(String.format(INSERT, schema))) {
            byte[] sealed = new byte[] {1, 2, 3};
            for (Row r : rows) {
                OffsetDateTime at = r.submittedAt().atOffset(ZoneOffset.UTC);
                int i = 1;
                s.setLong(i++, r.id());
                s.setString(i++, r.caseNumber());
                s.setString(i++, r.county());
                s.setString(i++, r.stage().name());
                s.setString(i++, r.type().name());
                s.setString(i++, r.channel().name());
                s.setString(i++, r.channel() == Channel.COUNTER ? "counter.staff" : null);
                s.setString(i++, r.status().name());
                s.setString(i++, "儿童" + r.id());
                s.setBytes(i++, sealed);
                s.setBytes(i++, digest(r.id()));
                s.setString(i++, r.county() + "100");
                s.setBytes(i++, sealed);
                s.setString(i++, r.category() == null ? null : r.category().name());
                s.setBoolean(i++, r.confirmed());
                s.setString(i++, r.zone());
                s.setInt(i++, r.status() == CaseStatus.SUBMITTED ? 0 : 1);
                s.setObject(i++, at);
                s.setObject(i++, at);
                s.setObject(i++, at);
                s.setString(i++, r.failedColumn());
                s.setString(i++, r.reviewer());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The columns {@link #copyLine} writes, for {@code COPY enrollment_case (...) FROM STDIN}. */
    public static final String COPY_COLUMNS = "id, case_number, county_code, plan_year, stage, application_type,"
            + " channel, entered_by, status, child_name, child_id_sealed, child_id_digest, home_town_code,"
            + " declaration_sealed, category, category_confirmed, zone_code, verification_count, created_at,"
            + " submitted_at, status_changed_at, version, failed_sources, reviewer";

    /** One row in PostgreSQL's COPY text format. */
    public static void copyLine(Writer out, Row r) throws IOException {
        String at = r.submittedAt().toString();
        out.append(Long.toString(r.id()))
                .append('\t')
                .append(r.caseNumber())
                .append('\t')
                .append(r.county())
                .append('\t')
                .append("2027\t")
                .append(r.stage().name())
                .append('\t')
                .append(r.type().name())
                .append('\t')
                .append(r.channel().name())
                .append('\t')
                .append(r.channel() == Channel.COUNTER ? "counter.staff" : "\\N")
                .append('\t')
                .append(r.status().name())
                .append('\t')
                .append("儿童")
                .append(Long.toString(r.id()))
                .append('\t')
                .append("\\\\x010203\t")
                .append("\\\\x")
                .append(HexFormat.of().formatHex(digest(r.id())))
                .append('\t')
                .append(r.county())
                .append("100\t")
                .append("\\\\x010203\t")
                .append(r.category() == null ? "\\N" : r.category().name())
                .append('\t')
                .append(r.confirmed() ? "t" : "f")
                .append('\t')
                .append(r.zone() == null ? "\\N" : r.zone())
                .append('\t')
                .append(r.status() == CaseStatus.SUBMITTED ? "0" : "1")
                .append('\t')
                .append(at)
                .append('\t')
                .append(at)
                .append('\t')
                .append(at)
                .append('\t')
                .append("0\t")
                .append(r.failedColumn() == null ? "\\N" : r.failedColumn())
                .append('\t')
                .append(r.reviewer() == null ? "\\N" : r.reviewer())
                .append('\n');
    }

    private static byte[] digest(long id) {
        byte[] d = new byte[16];
        for (int i = 0; i < 8; i++) {
            d[i] = (byte) (id >>> (8 * i));
        }
        return d;
    }
}
