package org.oneenroll.simulator.govdata;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The query log's lines on standard output: all of them when it is read, none waited for when it is stuck. */
class QueryLogTest {

    /** As many lines as standard output may hold back, past which they are dropped. */
    private static final int BACKLOG = 10_000;

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseStuckOutput() {
        release.countDown();
    }

    @Test
    void everyLineReachesAStandardOutputThatIsRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryLog log = new QueryLog(100, null, out);
        for (int i = 1; i <= 3; i++) {
            log.add(entry(log.nextId()));
        }

        await().atMost(30, SECONDS).until(() -> lines(out).size() == 3);
        List<String> lines = lines(out);
        assertTrue(lines.get(0).startsWith("{\"queryId\":1,"), lines.get(0));
        assertTrue(lines.get(2).startsWith("{\"queryId\":3,"), lines.get(2));
        assertTrue(lines.get(0).contains("入学资格核验"), "UTF-8: " + lines.get(0));
        assertEquals(0, log.droppedLines());
        log.close();
    }

    @Test
    void aStuckStandardOutputNeitherBlocksQueriesNorAStop() {
        OutputStream stuck = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
            }
        };
        int queries = BACKLOG + 50;
        QueryLog log = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            QueryLog l = new QueryLog(queries, null, stuck);
            for (int i = 0; i < queries; i++) {
                l.add(entry(l.nextId()));
            }
            return l;
        });

        // one line is being written (for ever), BACKLOG wait, the rest are dropped, not waited for
        assertEquals(queries - 1 - BACKLOG, log.droppedLines());
        assertEquals(
                queries, log.find(null, null, null, null, Integer.MAX_VALUE).size(), "memory keeps them all");
        assertTimeoutPreemptively(Duration.ofSeconds(5), log::close, "a stop gives standard output a second");
    }

    private static QueryLogEntry entry(long id) {
        return new QueryLogEntry(
                id,
                Instant.parse("2026-06-01T08:00:00Z"),
                "oneenroll",
                "hukou",
                QueryLog.hash("620123201910226866"),
                "req-" + id,
                "入学资格核验 620123-2026-X-000001",
                5,
                Outcome.FOUND,
                1);
    }

    /** What the writer thread printed so far ({@link ByteArrayOutputStream} is synchronized). */
    private static List<String> lines(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
