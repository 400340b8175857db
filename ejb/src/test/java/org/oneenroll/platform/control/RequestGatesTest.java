package org.oneenroll.platform.control;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneenroll.platform.H2Units;
import org.oneenroll.platform.control.RequestGates.Gate;

/** The gates on H2 as the demo uses it: rows made once, taken in one order, and held until the commit. */
class RequestGatesTest {

    /** A taken gate makes another transaction give up after 300 ms instead of H2's default wait. */
    static final String URL = "jdbc:h2:mem:requestgates;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=300";

    static EntityManagerFactory factory;

    @BeforeAll
    static void schema() {
        H2Units.migrate(URL);
        factory = H2Units.open("admission-mapping-test", URL);
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("delete from oneenroll.request_gate");
        }
    }

    static Gate gate(String purpose, int... bytes) {
        byte[] digest = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            digest[i] = (byte) bytes[i];
        }
        return new Gate(purpose, digest);
    }

    @Test
    void aGateIsMadeTheFirstTimeItsKeyIsSeenAndOnlyThen() throws SQLException {
        inTransaction(em -> RequestGates.hold(
                em, gate("login-number", 1, 2), gate("login-address", 9), gate("login-number", 1, 2)));
        inTransaction(em -> RequestGates.hold(em, gate("login-number", 1, 2), gate("login-number", 1, 3)));
        assertEquals(
                List.of("login-address:09", "login-number:0102", "login-number:0103"),
                rows(),
                "one row per key, the repeated key taken once");
    }

    @Test
    void aHeldGateKeepsAnotherTransactionOutUntilTheCommit() {
        EntityManager first = factory.createEntityManager();
        EntityManager second = factory.createEntityManager();
        try {
            first.getTransaction().begin();
            RequestGates.hold(first, gate("login-address", 7), gate("login-number", 1));

            second.getTransaction().begin();
            // another key is free; the shared one waits for the first transaction and, here, gives up
            RequestGates.hold(second, gate("login-number", 2));
            PersistenceException waited = assertThrows(
                    PersistenceException.class,
                    () -> RequestGates.hold(second, gate("login-address", 7), gate("login-number", 3)));
            assertEquals("HYT00", sqlState(waited), "H2's lock timeout, not some other failure: " + waited);
            second.getTransaction().rollback();

            first.getTransaction().commit();
            second.getTransaction().begin();
            RequestGates.hold(second, gate("login-address", 7), gate("login-number", 3));
            second.getTransaction().commit();
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void aRequestMeetingAGateBeingMadeWaitsForItAndThenTakesIt() throws Exception {
        EntityManager first = factory.createEntityManager();
        EntityManager second = factory.createEntityManager();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            first.getTransaction().begin();
            RequestGates.hold(first, gate("login-number", 0x42));

            second.getTransaction().begin();
            second.createNativeQuery("set lock_timeout 60000").executeUpdate();
            Future<String> waiting = other.submit(() -> {
                RequestGates.hold(second, gate("login-number", 0x42));
                second.getTransaction().commit();
                return "taken";
            });
            // the second request is inside its statement on request_gate, waiting for the first transaction
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnGates() == 1);
            assertFalse(waiting.isDone());
            first.getTransaction().commit();
            assertEquals("taken", waiting.get(30, TimeUnit.SECONDS), "no duplicate key: the new gate was waited for");
            assertEquals(List.of("login-number:42"), rows());
        } finally {
            other.shutdownNow();
            first.close();
            // the connection goes back to the pool: the other tests expect the URL's short wait
            second.getTransaction().begin();
            second.createNativeQuery("set lock_timeout 300").executeUpdate();
            second.getTransaction().commit();
            second.close();
        }
    }

    /** Sessions running a statement on request_gate now, other than the one asking. */
    private static int waitingOnGates() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from information_schema.sessions"
                        + " where session_state = 'RUNNING' and executing_statement like '%request_gate%'"
                        + " and session_id <> session_id()")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void outsideATransactionNothingIsHeldSoItIsRefused() {
        EntityManager em = factory.createEntityManager();
        try {
            assertThrows(IllegalStateException.class, () -> RequestGates.hold(em, gate("login-number", 1)));
        } finally {
            em.close();
        }
    }

    @Test
    void twoRequestsShareTheirGatesInOneOrderSoTheyCannotDeadlock() {
        List<Gate> taken = new ArrayList<>(
                List.of(gate("login-number", 0xff), gate("login-address", 0x01), gate("login-number", 0x01)));
        taken.sort(RequestGates.ORDER);
        assertEquals(
                List.of(gate("login-address", 1), gate("login-number", 1), gate("login-number", 0xff)).stream()
                        .map(RequestGatesTest::show)
                        .toList(),
                taken.stream().map(RequestGatesTest::show).toList(),
                "by purpose, then by the digest's bytes read unsigned");
        assertThrows(IllegalArgumentException.class, () -> gate("", 1));
        assertThrows(IllegalArgumentException.class, () -> gate("login-number"));
    }

    private static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e) {
                return e.getSQLState();
            }
        }
        return null;
    }

    private static String show(Gate g) {
        return g.purpose() + ":" + java.util.HexFormat.of().formatHex(g.digest());
    }

    private void inTransaction(java.util.function.Consumer<EntityManager> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    private static List<String> rows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery("select purpose, digest from oneenroll.request_gate order by purpose, digest")) {
            while (r.next()) {
                rows.add(r.getString(1) + ":" + java.util.HexFormat.of().formatHex(r.getBytes(2)));
            }
        }
        return rows;
    }
}
