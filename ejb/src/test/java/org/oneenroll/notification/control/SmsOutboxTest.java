package org.oneenroll.notification.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.notification.entity.SmsMessage;
import org.oneenroll.notification.entity.SmsStatus;
import org.oneenroll.notification.entity.SmsTemplate;
import org.oneenroll.platform.H2Units;

/**
 * The SMS outbox's JDBC statements on the migrated schema in H2 (PostgreSQL mode, as the demo runs): rows written in
 * batches with ids from the sequence, found by key and by id with their number and text opened, held, submitted,
 * failed and given their receipts; and the same rows read back through the {@code SmsMessage} entity, so both paths
 * agree on the sealed format.
 */
class SmsOutboxTest {

    static final String URL = "jdbc:h2:mem:smsoutbox;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final PersonalDataCipher CIPHER =
            new PersonalDataCipher((byte) 1, Map.of((byte) 1, new byte[16]), new byte[32]);
    static final Instant NOW = Instant.parse("2027-07-10T02:00:00Z");
    static EntityManagerFactory factory;
    static JdbcDataSource dataSource;

    SmsOutbox cut;

    @BeforeAll
    static void schema() {
        H2Units.migrate(URL);
        factory = H2Units.open("sms-outbox-test", URL, CIPHER);
        dataSource = new JdbcDataSource();
        dataSource.setURL(URL);
        dataSource.setUser("sa");
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("delete from oneenroll.sms_message");
        }
        cut = new SmsOutbox(dataSource, CIPHER);
    }

    static SmsOutbox.Fresh fresh(int i, SmsTemplate template) {
        String text = template == SmsTemplate.LOGIN_CODE
                ? template.render(String.format("%06d", i), "5")
                : template.render("620123-2027-P-" + i, "户口簿");
        return new SmsOutbox.Fresh(
                "test:" + i,
                template,
                PhoneNumber.of(String.format("1390000%04d", i)),
                text,
                SmsSegments.count(text),
                "620123-2027-P-" + i);
    }

    /** {@code n} family notices written in one batch, QUEUED; their ids in order. */
    private List<Long> notices(int n) {
        return cut.insert(
                IntStream.range(0, n)
                        .mapToObj(i -> fresh(i, SmsTemplate.CHECK_FAILED))
                        .toList(),
                NOW);
    }

    @Test
    void rowsWrittenInBatchesAreFoundByKeyAndByIdAndReadByTheEntity() {
        List<SmsOutbox.Fresh> rows = IntStream.range(0, 120)
                .mapToObj(i -> fresh(i, SmsTemplate.CHECK_FAILED))
                .toList();
        List<Long> ids = cut.insert(rows, NOW);

        assertEquals(120, ids.size());
        assertEquals(120, Set.copyOf(ids).size(), "every row its own id");
        Map<String, Long> byKey = cut.idsByKey(List.of("test:0", "test:119", "test:nope"));
        assertEquals(Map.of("test:0", ids.get(0), "test:119", ids.get(119)), byKey);

        Map<Long, SmsOutbox.Row> read = cut.byIds(List.of(ids.get(7), ids.get(100), -1L));
        assertEquals(2, read.size());
        SmsOutbox.Row seven = read.get(ids.get(7));
        assertEquals("test:7", seven.key());
        assertEquals(PhoneNumber.of("13900000007"), seven.to());
        assertEquals(rows.get(7).text(), seven.text());
        assertEquals(SmsStatus.QUEUED, seven.status());
        assertFalse(seven.urgent());
        assertArrayEquals(CIPHER.digest("13900000007"), seven.phoneDigest());

        EntityManager em = factory.createEntityManager();
        try {
            SmsMessage m = em.find(SmsMessage.class, ids.get(7));
            assertEquals(PhoneNumber.of("13900000007"), m.phone());
            assertEquals(rows.get(7).text(), m.text());
            assertEquals(SmsTemplate.CHECK_FAILED, m.template());
            assertEquals("139****0007", m.phoneMasked());
            assertEquals(NOW, m.createdAt());
            assertEquals(SmsStatus.QUEUED, m.status());
        } finally {
            em.close();
        }
    }

    @Test
    void idsFromLaterBatchesNeverRepeatEarlierOnes() {
        List<Long> all = new ArrayList<>();
        for (int batch = 0; batch < 4; batch++) {
            int from = batch * 30;
            all.addAll(cut.insert(
                    IntStream.range(from, from + 30)
                            .mapToObj(i -> fresh(i, SmsTemplate.LOGIN_CODE))
                            .toList(),
                    NOW));
        }
        assertEquals(120, Set.copyOf(all).size());
    }

    @Test
    void aSecondRowForTheSameEventIsRefusedByTheDatabase() {
        cut.insert(List.of(fresh(1, SmsTemplate.LOGIN_CODE)), NOW);
        assertThrows(IllegalStateException.class, () -> cut.insert(List.of(fresh(1, SmsTemplate.LOGIN_CODE)), NOW));
    }

    @Test
    void heldSubmittedReceiptsAndFailuresAreRecorded() {
        List<Long> ids = notices(4);
        Instant morning = NOW.plusSeconds(3600);
        cut.hold(Map.of(ids.get(0), new SmsOutbox.Hold(morning, "quiet hours")));
        cut.submitted("smpp", Map.of(ids.get(1), "00000000a1", ids.get(2), "00000000a2"), NOW);
        cut.failed(ids.get(3), "x".repeat(300), false);

        // a receipt finds its message only while that one waits for it, through the same gateway
        Map<String, Long> waiting = cut.awaitingReceipt("smpp", List.of("00000000a1", "00000000a2", "00000000ff"));
        assertEquals(Map.of("00000000a1", ids.get(1), "00000000a2", ids.get(2)), waiting);
        assertTrue(cut.awaitingReceipt("http", List.of("00000000a1")).isEmpty());
        cut.receipts(List.of(ids.get(1)), SmsStatus.DELIVERED, NOW.plusSeconds(5));
        cut.receipts(List.of(ids.get(2)), SmsStatus.UNDELIVERABLE, NOW.plusSeconds(6));
        assertTrue(
                cut.awaitingReceipt("smpp", List.of("00000000a1", "00000000a2")).isEmpty());

        EntityManager em = factory.createEntityManager();
        try {
            SmsMessage held = em.find(SmsMessage.class, ids.get(0));
            assertEquals(SmsStatus.HELD, held.status());
            assertEquals(morning, held.notBefore());
            assertEquals("quiet hours", held.lastError());

            SmsMessage delivered = em.find(SmsMessage.class, ids.get(1));
            assertEquals(SmsStatus.DELIVERED, delivered.status());
            assertEquals(1, delivered.attempts());
            assertEquals("00000000a1", delivered.gatewayId());
            assertEquals(NOW, delivered.submittedAt());
            assertEquals(NOW.plusSeconds(5), delivered.deliveredAt());
            assertTrue(delivered.handedOver());

            assertEquals(
                    SmsStatus.UNDELIVERABLE,
                    em.find(SmsMessage.class, ids.get(2)).status());

            SmsMessage failed = em.find(SmsMessage.class, ids.get(3));
            assertEquals(SmsStatus.QUEUED, failed.status());
            assertEquals(1, failed.attempts());
            assertEquals(200, failed.lastError().length(), "cut to its column");
        } finally {
            em.close();
        }
        cut.failed(ids.get(3), "SMSC refused", true);
        EntityManager again = factory.createEntityManager();
        try {
            SmsMessage dead = again.find(SmsMessage.class, ids.get(3));
            assertEquals(SmsStatus.DEAD, dead.status());
            assertEquals(2, dead.attempts());
        } finally {
            again.close();
        }
    }

    @Test
    void aBatchGoneToTheDeadLetterQueueMarksOnlyWhatWasNotHandedOver() {
        List<Long> ids = notices(3);
        cut.hold(Map.of(ids.get(1), new SmsOutbox.Hold(NOW.plusSeconds(60), "quiet hours")));
        cut.submitted("smpp", Map.of(ids.get(2), "c3"), NOW);

        cut.dead(ids, "to the dead-letter queue after 8 deliveries: database down");

        EntityManager em = factory.createEntityManager();
        try {
            assertEquals(SmsStatus.DEAD, em.find(SmsMessage.class, ids.get(0)).status());
            assertEquals(SmsStatus.DEAD, em.find(SmsMessage.class, ids.get(1)).status());
            assertEquals(
                    "to the dead-letter queue after 8 deliveries: database down",
                    em.find(SmsMessage.class, ids.get(1)).lastError());
            assertEquals(
                    SmsStatus.SUBMITTED, em.find(SmsMessage.class, ids.get(2)).status());
        } finally {
            em.close();
        }
    }

    @Test
    void aLateWriterNeverMovesARowTheGatewayHasBack() {
        List<Long> ids = notices(2);
        assertEquals(List.of(), cut.submitted("smpp", Map.of(ids.get(0), "d1"), NOW));
        cut.receipts(List.of(ids.get(0)), SmsStatus.DELIVERED, NOW.plusSeconds(5));

        // a second delivery of the same SMS: its hold, its submit and its last failure all find the row handed over
        cut.hold(Map.of(ids.get(0), new SmsOutbox.Hold(NOW.plusSeconds(60), "quiet hours")));
        assertEquals(
                List.of(ids.get(0)),
                cut.submitted("smpp", Map.of(ids.get(0), "d9", ids.get(1), "d2"), NOW.plusSeconds(9)),
                "reported, so the listener can say the gateway has it twice");
        cut.failed(ids.get(0), "SMSC refused", true);

        EntityManager em = factory.createEntityManager();
        try {
            SmsMessage first = em.find(SmsMessage.class, ids.get(0));
            assertEquals(SmsStatus.DELIVERED, first.status());
            assertEquals("d1", first.gatewayId(), "its receipt still matches");
            assertEquals(NOW, first.submittedAt());
            assertEquals(
                    SmsStatus.SUBMITTED, em.find(SmsMessage.class, ids.get(1)).status());
        } finally {
            em.close();
        }
    }

    @Test
    void aRowAnotherTransactionHoldsIsSkippedNotWaitedFor() throws SQLException {
        List<Long> ids = notices(2);
        try (Connection open = dataSource.getConnection()) {
            // the failed delivery's own transaction, still open while its message goes to the dead-letter queue
            open.setAutoCommit(false);
            try (Statement s = open.createStatement()) {
                s.executeUpdate("update oneenroll.sms_message set last_error = 'in flight' where id = " + ids.get(0));
            }
            cut.dead(ids, "to the dead-letter queue after 8 deliveries: database down");
            open.rollback();
        }
        EntityManager em = factory.createEntityManager();
        try {
            assertEquals(SmsStatus.QUEUED, em.find(SmsMessage.class, ids.get(0)).status());
            assertEquals(SmsStatus.DEAD, em.find(SmsMessage.class, ids.get(1)).status());
        } finally {
            em.close();
        }
    }

    @Test
    void theRecentNoticesOfANumberLeaveSignInCodesOut() {
        SmsOutbox.Fresh notice = fresh(1, SmsTemplate.CHECK_FAILED);
        SmsOutbox.Fresh code =
                new SmsOutbox.Fresh("test:code", SmsTemplate.LOGIN_CODE, notice.to(), "验证码 123456", 1, null);
        SmsOutbox.Fresh other = fresh(2, SmsTemplate.CHECK_FAILED);
        List<Long> ids = cut.insert(List.of(notice, code, other), NOW);
        cut.submitted("smpp", Map.of(ids.get(0), "b1", ids.get(1), "b2"), NOW);
        // the other number's notice is older than the window
        cut.submitted("smpp", Map.of(ids.get(2), "b3"), NOW.minusSeconds(90_000));

        byte[] digest = CIPHER.digest(notice.to().value());
        Map<String, List<Instant>> sent =
                cut.sentSince(List.of(digest, CIPHER.digest(other.to().value())), NOW.minusSeconds(86_400));
        assertEquals(Map.of(HexFormat.of().formatHex(digest), List.of(NOW)), sent);
        assertTrue(cut.sentSince(List.of(), NOW).isEmpty());
    }

    @Test
    void emptyBatchesTouchNothing() {
        assertTrue(cut.insert(List.of(), NOW).isEmpty());
        assertTrue(cut.byIds(List.of()).isEmpty());
        assertTrue(cut.idsByKey(List.of()).isEmpty());
        cut.hold(Map.of());
        cut.submitted("smpp", Map.of(), NOW);
        cut.receipts(List.of(), SmsStatus.DELIVERED, NOW);
        assertTrue(cut.awaitingReceipt("smpp", List.of()).isEmpty());
        assertNull(cut.byIds(List.of(1L)).get(1L));
    }
}
