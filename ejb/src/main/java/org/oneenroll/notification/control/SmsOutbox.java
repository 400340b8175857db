package org.oneenroll.notification.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.notification.entity.SmsStatus;
import org.oneenroll.notification.entity.SmsTemplate;

/**
 * The SMS outbox's rows as the sending path reads and writes them: plain JDBC batches on the transaction's own
 * connection, in the same format as the {@code SmsMessage} entity (which the history screen and the replay still
 * use). A county's results are tens of thousands of SMS at once; written and updated as entities, Hibernate's
 * per-entity work (dirty checks, update analysis, query translation for each list size) was most of the server's
 * time per SMS. Numbers and texts are sealed and opened here with the same cipher as the entity's converters.
 *
 * <p>Ids come from {@code sms_seq} (increment 50), one sequence value per 50 rows: the value and the 49 after it.
 */
@ApplicationScoped
public class SmsOutbox {

    static final String TABLE = "oneenroll.sms_message";
    /** The sequence's increment (V5): the ids one value hands out. */
    static final int IDS_PER_VALUE = 50;

    private static final String INSERT = "insert into " + TABLE
            + " (id, idempotency_key, template, urgent, phone_sealed, phone_digest, phone_masked, text_sealed,"
            + " segments, case_number, status, attempts, created_at, version)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, 0)";
    private static final String BY_IDS = "select id, idempotency_key, template, urgent, phone_sealed, phone_digest,"
            + " phone_masked, text_sealed, segments, status from " + TABLE + " where id = any (?)";
    private static final String IDS_BY_KEYS =
            "select idempotency_key, id from " + TABLE + " where idempotency_key = any (?)";
    private static final String SENT_SINCE = "select phone_digest, submitted_at from " + TABLE
            + " where phone_digest = any (?) and submitted_at > ? and template <> 'LOGIN_CODE'";
    /**
     * Rows the gateway does not have yet. Every change of status is guarded by it, so a late writer (a second delivery
     * of the same SMS) never moves a row back from SUBMITTED, DELIVERED or UNDELIVERABLE.
     */
    private static final String NOT_HANDED_OVER = " and status in ('QUEUED', 'HELD', 'DEAD')";

    private static final String HOLD = "update " + TABLE
            + " set status = 'HELD', not_before = ?, last_error = ?, version = version + 1 where id = ?"
            + NOT_HANDED_OVER;
    private static final String SUBMITTED = "update " + TABLE + " set status = 'SUBMITTED', attempts = attempts + 1,"
            + " gateway = ?, gateway_id = ?, submitted_at = ?, not_before = null, last_error = null,"
            + " version = version + 1 where id = ?" + NOT_HANDED_OVER;
    private static final String FAILED =
            "update " + TABLE + " set attempts = attempts + 1, last_error = ?, version = version + 1 where id = ?";
    private static final String DEAD = "update " + TABLE + " set status = 'DEAD', attempts = attempts + 1,"
            + " last_error = ?, version = version + 1 where id = ?" + NOT_HANDED_OVER;
    /**
     * Rows locked by another transaction are left as they are: the caller's own failed delivery, still open while
     * its queue message is on the way to the dead-letter queue, may hold them, and waiting for it would wait for ever.
     */
    private static final String DEAD_ALL = "update " + TABLE + " set status = 'DEAD', last_error = ?,"
            + " version = version + 1 where id in (select id from " + TABLE
            + " where id = any (?) and status in ('QUEUED', 'HELD') for update skip locked)";

    private static final String AWAITING_RECEIPT = "select id, gateway_id from " + TABLE
            + " where gateway = ? and gateway_id = any (?) and status = 'SUBMITTED' order by submitted_at desc";
    private static final String RECEIPT = "update " + TABLE
            + " set status = ?, delivered_at = ?, version = version + 1 where id = any (?) and status = 'SUBMITTED'";

    /** A new row: one SMS for one business event. */
    public record Fresh(
            String key, SmsTemplate template, PhoneNumber to, String text, int segments, String caseNumber) {}

    /** A row as the dispatcher needs it, number and text opened. */
    public record Row(
            long id,
            String key,
            SmsTemplate template,
            boolean urgent,
            PhoneNumber to,
            byte[] phoneDigest,
            String phoneMasked,
            String text,
            int segments,
            SmsStatus status) {

        /** Whether the gateway already has it: a redelivered queue message must not send it again. */
        public boolean handedOver() {
            return status == SmsStatus.SUBMITTED || status == SmsStatus.DELIVERED || status == SmsStatus.UNDELIVERABLE;
        }
    }

    @Resource(lookup = "java:jboss/datasources/OneEnrollDS")
    DataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    protected SmsOutbox() {}

    /** Outside the server (tests): rows in {@code dataSource}, sealed with {@code cipher}. */
    public SmsOutbox(DataSource dataSource, PersonalDataCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    /** The ids of the rows already written for these idempotency keys. */
    public Map<String, Long> idsByKey(Collection<String> keys) {
        Map<String, Long> ids = new HashMap<>();
        if (keys.isEmpty()) {
            return ids;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(IDS_BY_KEYS)) {
            s.setArray(1, c.createArrayOf("varchar", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failure("reading SMS by key", e);
        }
    }

    /** Writes the rows, QUEUED, in one batch; returns their ids in order. */
    public List<Long> insert(List<Fresh> rows, Instant now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            List<Long> ids = allocate(c, rows.size());
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                OffsetDateTime created = utc(now);
                for (int i = 0; i < rows.size(); i++) {
                    Fresh r = rows.get(i);
                    s.setLong(1, ids.get(i));
                    s.setString(2, r.key());
                    s.setString(3, r.template().name());
                    s.setBoolean(4, r.template().urgent());
                    s.setBytes(5, cipher.seal(r.to().value()));
                    s.setBytes(6, cipher.digest(r.to().value()));
                    s.setString(7, r.to().masked());
                    s.setBytes(8, cipher.seal(r.text()));
                    s.setInt(9, r.segments());
                    s.setString(10, r.caseNumber());
                    s.setObject(11, created);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return ids;
        } catch (SQLException e) {
            throw failure("writing " + rows.size() + " SMS", e);
        }
    }

    /** One sequence value per {@value #IDS_PER_VALUE} ids. */
    private static List<Long> allocate(Connection c, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement s = c.prepareStatement("select nextval('oneenroll.sms_seq')")) {
            while (ids.size() < count) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    long first = rs.getLong(1);
                    for (int i = 0; i < IDS_PER_VALUE && ids.size() < count; i++) {
                        ids.add(first + i);
                    }
                }
            }
        }
        return ids;
    }

    /** The rows with these ids, by id; an id without a row is absent. */
    public Map<Long, Row> byIds(Collection<Long> ids) {
        Map<Long, Row> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(BY_IDS)) {
            s.setArray(1, longs(c, ids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Row r = new Row(
                            rs.getLong(1),
                            rs.getString(2),
                            SmsTemplate.valueOf(rs.getString(3)),
                            rs.getBoolean(4),
                            PhoneNumber.of(cipher.open(rs.getBytes(5))),
                            rs.getBytes(6),
                            rs.getString(7),
                            cipher.open(rs.getBytes(8)),
                            rs.getInt(9),
                            SmsStatus.valueOf(rs.getString(10)));
                    rows.put(r.id(), r);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure("reading " + ids.size() + " SMS", e);
        }
    }

    /**
     * When each number was sent a notice (sign-in codes left out) since {@code since}: by the number's digest in
     * hex, for the numbers of {@code digests}.
     */
    public Map<String, List<Instant>> sentSince(Collection<byte[]> digests, Instant since) {
        Map<String, List<Instant>> sent = new HashMap<>();
        if (digests.isEmpty()) {
            return sent;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(SENT_SINCE)) {
            s.setArray(1, c.createArrayOf("bytea", digests.toArray(byte[][]::new)));
            s.setObject(2, utc(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sent.computeIfAbsent(HexFormat.of().formatHex(rs.getBytes(1)), k -> new ArrayList<>())
                            .add(instant(rs, 2));
                }
            }
            return sent;
        } catch (SQLException e) {
            throw failure("reading the recent SMS of " + digests.size() + " numbers", e);
        }
    }

    /** Until when a row waits, and why (quiet hours, the number's limit, a busy gateway). */
    public record Hold(Instant until, String why) {}

    /** Marks the rows HELD, each until its moment and with its reason; a row the gateway already has stays as it is. */
    public void hold(Map<Long, Hold> holds) {
        if (holds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(HOLD)) {
            for (Map.Entry<Long, Hold> e : holds.entrySet()) {
                s.setObject(1, utc(e.getValue().until()));
                s.setString(2, cut(e.getValue().why()));
                s.setLong(3, e.getKey());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw failure("holding " + holds.size() + " SMS", e);
        }
    }

    /**
     * The gateway accepted these rows: their ids and the gateway's id for each; an attempt is counted.
     *
     * @return the ids whose row was already handed over, and stays as it was: another delivery of the same SMS got
     *     there first, so the gateway has it twice (under the same idempotency key)
     */
    public List<Long> submitted(String gateway, Map<Long, String> gatewayIds, Instant at) {
        if (gatewayIds.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(SUBMITTED)) {
            OffsetDateTime when = utc(at);
            List<Long> order = new ArrayList<>(gatewayIds.size());
            for (Map.Entry<Long, String> e : gatewayIds.entrySet()) {
                s.setString(1, gateway);
                s.setString(2, e.getValue());
                s.setObject(3, when);
                s.setLong(4, e.getKey());
                s.addBatch();
                order.add(e.getKey());
            }
            int[] counts = s.executeBatch();
            List<Long> already = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    already.add(order.get(i));
                }
            }
            return already;
        } catch (SQLException e) {
            throw failure("recording " + gatewayIds.size() + " submitted SMS", e);
        }
    }

    /** An attempt failed: counted, with its error; {@code dead} when it was the last one (unless handed over since). */
    public void failed(long id, String error, boolean dead) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(dead ? DEAD : FAILED)) {
            s.setString(1, cut(error));
            s.setLong(2, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("recording the failure of SMS " + id, e);
        }
    }

    /**
     * The queue message carrying these rows went to the dead-letter queue: those not yet handed over are DEAD, so
     * the history says where they are (a replay from the dead-letter screen queues them again). A row another
     * transaction holds is skipped, not waited for.
     */
    public void dead(Collection<Long> ids, String error) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(DEAD_ALL)) {
            s.setString(1, cut(error));
            s.setArray(2, longs(c, ids));
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("marking " + ids.size() + " SMS dead", e);
        }
    }

    /**
     * Of these gateway ids, those whose row (through {@code gateway}) still waits for its receipt: the row's id by
     * gateway id, the newest row where an SMSC reused an id.
     */
    public Map<String, Long> awaitingReceipt(String gateway, Collection<String> gatewayIds) {
        Map<String, Long> rows = new HashMap<>();
        if (gatewayIds.isEmpty()) {
            return rows;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(AWAITING_RECEIPT)) {
            s.setString(1, gateway);
            s.setArray(2, c.createArrayOf("varchar", gatewayIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.putIfAbsent(rs.getString(2), rs.getLong(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure("reading SMS awaiting receipts", e);
        }
    }

    /** A receipt for each of these rows, still SUBMITTED: DELIVERED or UNDELIVERABLE. */
    public void receipts(Collection<Long> ids, SmsStatus status, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(RECEIPT)) {
            s.setString(1, status.name());
            s.setObject(2, utc(at));
            s.setArray(3, longs(c, ids));
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("recording " + ids.size() + " delivery receipts", e);
        }
    }

    private static Array longs(Connection c, Collection<Long> ids) throws SQLException {
        return c.createArrayOf("bigint", ids.toArray());
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }
}
