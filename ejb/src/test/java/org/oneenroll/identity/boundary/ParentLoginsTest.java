package org.oneenroll.identity.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.ApplicationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.notification.boundary.Notifications;
import org.oneenroll.notification.entity.SmsTemplate;
import org.oneenroll.platform.H2Units;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * The {@code ParentLogins} boundary on the migrated schema in H2, with a clock the test moves and the SMS outbox
 * as a stand-in that keeps what would be sent: codes go out by SMS and only their keyed hashes are stored; the
 * limits per number and per address hold; a code signs in once, in time, and dies after five wrong tries.
 */
class ParentLoginsTest {

    static final String URL = "jdbc:h2:mem:parentlogins;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    static final Instant NOW = Instant.parse("2027-06-01T02:00:00Z");
    static final PersonalDataCipher CIPHER =
            new PersonalDataCipher((byte) 1, Map.of((byte) 1, new byte[16]), new byte[32]);
    static final PhoneNumber PHONE = PhoneNumber.of("13800138000");
    static final String ADDRESS = "203.0.113.7";
    static EntityManagerFactory factory;

    /** What the outbox was asked to send. */
    record Sent(String key, PhoneNumber to, SmsTemplate template, String code, String minutes) {}

    final List<Sent> texted = new ArrayList<>();
    final MovingClock clock = new MovingClock(NOW);
    ParentLogins cut;
    EntityManager em;

    @BeforeAll
    static void schema() {
        H2Units.migrate(URL);
        factory = H2Units.open("parent-test", URL);
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @BeforeEach
    void boundary() throws SQLException {
        sql("delete from oneenroll.parent_login_code");
        em = factory.createEntityManager();
        cut = new ParentLogins();
        cut.em = em;
        cut.cipher = CIPHER;
        cut.settings = new Settings();
        cut.clock = clock;
        cut.notifications = new Notifications() {
            @Override
            public long sms(String key, PhoneNumber to, SmsTemplate template, String caseNumber, String... args) {
                texted.add(new Sent(key, to, template, args[0], args[1]));
                return texted.size();
            }
        };
    }

    @AfterEach
    void closeEntityManager() {
        em.close();
    }

    @Test
    void aCodeGoesOutBySmsAndOnlyItsKeyedHashIsStored() throws SQLException {
        ParentLogins.CodeSent sent = tx(() -> cut.requestCode(PHONE, ADDRESS));
        assertEquals("138****8000", sent.maskedPhone());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), sent.expiresAt());
        assertEquals(NOW.plusSeconds(60), sent.resendAt());
        assertEquals(1, texted.size());
        Sent sms = texted.get(0);
        assertEquals(SmsTemplate.LOGIN_CODE, sms.template());
        assertEquals(PHONE, sms.to());
        assertTrue(sms.code().matches("[0-9]{6}"), sms.code());
        assertEquals("5", sms.minutes(), "the text names the validity the county set");
        assertTrue(sms.key().startsWith("parent-login:"), sms.key());
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select * from oneenroll.parent_login_code")) {
            assertTrue(r.next());
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                Object v = r.getObject(i);
                row.append(
                                v instanceof byte[] b
                                        ? new String(b, StandardCharsets.ISO_8859_1)
                                                + HexFormat.of().formatHex(b)
                                        : v)
                        .append('|');
            }
            assertFalse(row.toString().contains(sms.code()), "the code is nowhere in the row: " + row);
            assertFalse(row.toString().contains(PHONE.value()), "nor the number");
            assertFalse(row.toString().contains(ADDRESS), "nor the address");
            assertFalse(r.next());
        }
        tx(() -> cut.requestCode(PhoneNumber.of("13900139000"), ADDRESS));
        assertNotEquals(texted.get(0).key(), texted.get(1).key(), "one SMS per request");
    }

    @Test
    void aSecondCodeWithinAMinuteIsRefusedInChineseAndNothingIsSent() {
        tx(() -> cut.requestCode(PHONE, ADDRESS));
        clock.pass(Duration.ofSeconds(30));
        InvalidValueException refused =
                assertThrows(InvalidValueException.class, () -> tx(() -> cut.requestCode(PHONE, ADDRESS)));
        assertEquals("验证码已发送，请30秒后再重新获取", refused.getMessage());
        assertEquals("phone", refused.field());
        assertEquals(1, texted.size());
        clock.pass(Duration.ofSeconds(30));
        tx(() -> cut.requestCode(PHONE, ADDRESS));
        assertEquals(2, texted.size());
    }

    @Test
    void fiveCodesAnHourPerNumber() {
        for (int i = 0; i < 5; i++) {
            tx(() -> cut.requestCode(PHONE, ADDRESS));
            clock.pass(Duration.ofSeconds(61));
        }
        InvalidValueException refused =
                assertThrows(InvalidValueException.class, () -> tx(() -> cut.requestCode(PHONE, ADDRESS)));
        assertEquals("parent-login.number-hour", refused.messageKey());
        assertEquals(5, texted.size());
        clock.pass(Duration.ofMinutes(56));
        tx(() -> cut.requestCode(PHONE, ADDRESS));
        assertEquals(6, texted.size(), "the first code left the hour");
    }

    @Test
    void twentyCodesAnHourPerAddress() {
        for (int i = 0; i < 20; i++) {
            PhoneNumber phone = PhoneNumber.of(String.format("1350000%04d", i));
            tx(() -> cut.requestCode(phone, ADDRESS));
        }
        InvalidValueException refused = assertThrows(
                InvalidValueException.class, () -> tx(() -> cut.requestCode(PhoneNumber.of("13500009999"), ADDRESS)));
        assertEquals("parent-login.address-hour", refused.messageKey());
        tx(() -> cut.requestCode(PhoneNumber.of("13500009999"), "198.51.100.23"));
        assertEquals(21, texted.size(), "another address is not held back");
    }

    @Test
    void theRightCodeSignsInOnce() {
        tx(() -> cut.requestCode(PHONE, ADDRESS));
        clock.pass(Duration.ofSeconds(90));
        assertEquals(PHONE, tx(() -> cut.signIn(PHONE, " " + texted.get(0).code() + " ")));
        InvalidValueException again = assertThrows(
                InvalidValueException.class,
                () -> tx(() -> cut.signIn(PHONE, texted.get(0).code())));
        assertEquals("parent-login.code-spent", again.messageKey());
    }

    @Test
    void fiveWrongCodesKillTheCodeAndTheCountSurvivesTheRefusals() {
        tx(() -> cut.requestCode(PHONE, ADDRESS));
        String right = texted.get(0).code();
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 1; left--) {
            InvalidValueException refused =
                    assertThrows(InvalidValueException.class, () -> tx(() -> cut.signIn(PHONE, wrong)));
            assertEquals("验证码不正确，还可以再试" + left + "次", refused.getMessage());
        }
        InvalidValueException dead =
                assertThrows(InvalidValueException.class, () -> tx(() -> cut.signIn(PHONE, wrong)));
        assertEquals("验证码已输错5次，该验证码已失效，请重新获取", dead.getMessage());
        InvalidValueException stillDead =
                assertThrows(InvalidValueException.class, () -> tx(() -> cut.signIn(PHONE, right)));
        assertEquals("parent-login.code-dead", stillDead.messageKey(), "not even the right code signs in now");
        clock.pass(Duration.ofSeconds(60));
        tx(() -> cut.requestCode(PHONE, ADDRESS));
        assertEquals(PHONE, tx(() -> cut.signIn(PHONE, texted.get(1).code())), "a new code works");
    }

    @Test
    void onlyTheLatestCodeSignsIn() {
        tx(() -> cut.requestCode(PHONE, ADDRESS));
        clock.pass(Duration.ofSeconds(60));
        tx(() -> cut.requestCode(PHONE, ADDRESS));
        String first = texted.get(0).code();
        String second = texted.get(1).code();
        if (!first.equals(second)) {
            InvalidValueException refused =
                    assertThrows(InvalidValueException.class, () -> tx(() -> cut.signIn(PHONE, first)));
            assertEquals("parent-login.code-wrong", refused.messageKey());
        }
        assertEquals(PHONE, tx(() -> cut.signIn(PHONE, second)));
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        tx(() -> cut.requestCode(PHONE, ADDRESS));
        clock.pass(Duration.ofMinutes(5));
        InvalidValueException refused = assertThrows(
                InvalidValueException.class,
                () -> tx(() -> cut.signIn(PHONE, texted.get(0).code())));
        assertEquals("验证码已过期或已使用，请重新获取", refused.getMessage());
    }

    @Test
    void malformedCodesAndNumbersWithoutACodeAreRefused() {
        assertEquals(
                "parent-login.code-format",
                assertThrows(InvalidValueException.class, () -> tx(() -> cut.signIn(PHONE, "12345")))
                        .messageKey());
        assertEquals(
                "parent-login.code-format",
                assertThrows(InvalidValueException.class, () -> tx(() -> cut.signIn(PHONE, null)))
                        .messageKey());
        assertEquals(
                "parent-login.no-code",
                assertThrows(InvalidValueException.class, () -> tx(() -> cut.signIn(PHONE, "123456")))
                        .messageKey());
    }

    @Test
    void onlyADemoServerLogsTheCodeAndThenWithTheNumberMasked() {
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(ParentLogins.class.getName());
        log.addHandler(handler);
        try {
            tx(() -> cut.requestCode(PHONE, ADDRESS));
            String production = texted.get(0).code();
            assertTrue(logged.stream().noneMatch(l -> l.contains(production)), "no code in a production log");
            System.setProperty("oneenroll.demo.layout", "/tmp/demo-county.json");
            clock.pass(Duration.ofSeconds(60));
            tx(() -> cut.requestCode(PHONE, ADDRESS));
            String demo = texted.get(1).code();
            assertTrue(logged.stream().anyMatch(l -> l.contains(demo) && l.contains("138****8000")), logged.toString());
            assertTrue(logged.stream().noneMatch(l -> l.contains(PHONE.value())), "never the whole number");
        } finally {
            System.clearProperty("oneenroll.demo.layout");
            log.removeHandler(handler);
        }
    }

    /** The boundary call in a transaction, ended as the container ends it: committed unless the exception rolls back. */
    private <T> T tx(Supplier<T> call) {
        em.getTransaction().begin();
        try {
            T result = call.get();
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            ApplicationException kind = e.getClass().getAnnotation(ApplicationException.class);
            if (kind != null && !kind.rollback()) {
                em.getTransaction().commit();
            } else {
                em.getTransaction().rollback();
            }
            em.clear();
            throw e;
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** A clock the test moves forward. */
    static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void pass(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
