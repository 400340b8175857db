package org.oneenroll.simulator.govdata;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.oneenroll.simulator.population.CountyLayoutGenerator;
import org.oneenroll.simulator.population.DefectRates;
import org.oneenroll.simulator.population.PopulationGenerator;
import org.oneenroll.simulator.population.RegionCatalog;

/**
 * The integration-test run in which the platform stopped answering everything, {@code /health} included: Maven's
 * exec plugin (async, with an output file) closes its end of the simulator's standard output and error, so after
 * 64 KB a write there blocks for good. Standard output and error stand in here as streams that take a few lines
 * and then block until the test ends; the platform must go on answering health and admin requests regardless.
 */
class GovDataPlatformStuckOutputTest {

    private static final int FAMILIES = 40;
    private static final PopulationGenerator GENERATOR = new PopulationGenerator(
            new CountyLayoutGenerator().generate("620123", 2026, 16, 30),
            RegionCatalog.load(),
            2026,
            2026,
            DefectRates.none());
    private static final List<String> SOURCES = List.of("hukou", "residence-permit", "social-insurance", "marriage");
    /** As in the integration test, scaled down: the slow mode outlasts the client's timeout, so it abandons. */
    private static final List<String> MODES = List.of(
            "{\"sources\": {\"hukou\": {\"errorRate\": 1}}}",
            "{\"sources\": {\"hukou\": {\"medianMs\": 900, \"sigma\": 0}}}",
            "{\"sources\": {\"hukou\": {\"malformedRate\": 1}}}");

    // long enough for a starved machine to answer; a server really blocked by its output never does
    private static final Duration PROMPT = Duration.ofSeconds(5);
    private static final Duration IMPATIENT = Duration.ofMillis(300);

    /** Lets the stuck outputs go at the end of the test, so nothing stays blocked after it. */
    private final CountDownLatch release = new CountDownLatch(1);

    private final StuckOutput stdout = new StuckOutput(4096, release);
    private final StuckHandler stderr = new StuckHandler(release);
    private final Logger platformLog = Logger.getLogger(GovDataPlatform.class.getName());
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PROMPT)
            .build();
    private GovDataPlatform cut;

    @AfterEach
    void stop() {
        release.countDown();
        platformLog.removeHandler(stderr);
        if (cut != null) {
            cut.stop(Duration.ofSeconds(2));
        }
    }

    @Test
    @Timeout(120)
    void healthAndAdminAnswerPromptlyWhileStandardOutputAndErrorAreStuck() throws Exception {
        PlatformConfig config =
                PlatformConfig.defaults().withFaults("{\"all\": {\"medianMs\": 5, \"sigma\": 0, \"maxMs\": 50}}");
        assertTrue(config.queryLogStdout(), "serve prints the query log on standard output by default");
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            cut = new GovDataPlatform(new RecordLookup(GENERATOR, FAMILIES), config)
                    .start(new InetSocketAddress("127.0.0.1", 0));
        } finally {
            System.setOut(original);
        }
        platformLog.addHandler(stderr);
        List<String> ids = GENERATOR
                .families(FAMILIES)
                .limit(5)
                .map(f -> f.applicants().get(0).person().idNumber())
                .toList();
        String idHash = QueryLog.hash(ids.get(0));

        for (int round = 0; round < 3; round++) {
            for (String mode : MODES) {
                String step = "round " + round + ", " + mode;
                assertEquals(200, promptly("POST", "/admin/reset", "", step).statusCode(), step);
                assertEquals(200, promptly("PUT", "/admin/faults", mode, step).statusCode(), step);
                List<CompletableFuture<Integer>> queries = new ArrayList<>();
                for (String id : ids) {
                    for (String source : SOURCES) {
                        queries.add(query(source, id, 3));
                    }
                }
                // every query ends within its three client timeouts: answered, or abandoned mid-flight
                CompletableFuture.allOf(queries.toArray(CompletableFuture[]::new))
                        .get(30, SECONDS);
                HttpResponse<String> log = promptly("GET", "/admin/queries?limit=1000&idHash=" + idHash, null, step);
                assertEquals(200, log.statusCode(), step);
                assertTrue(parse(log.body()).getInt("count") >= SOURCES.size(), log.body());
                assertEquals(200, promptly("GET", "/health", null, step).statusCode(), step);
            }
        }

        assertTrue(stdout.stuck.await(5, SECONDS), "standard output never filled up: the test proves nothing");
        assertTrue(stderr.stuck.await(5, SECONDS), "standard error never filled up: the test proves nothing");
        // abandoned queries give their slots back once their answers have gone (nowhere)
        await().atMost(10, SECONDS).until(() -> {
            for (Source s : Source.values()) {
                if (cut.faults().inFlight(s) != 0) {
                    return false;
                }
            }
            return true;
        });
        JsonObject stats = parse(promptly("GET", "/admin/stats", null, "stats").body());
        assertEquals(0, stats.getInt("answersUnderway"), stats.toString());
        assertEquals("UP", parse(promptly("GET", "/health", null, "end").body()).getString("status"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** An admin or health request that must be answered within a second. */
    private HttpResponse<String> promptly(String method, String path, String body, String step) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .timeout(PROMPT)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(
                    method + " " + path + " not answered within " + PROMPT + " (" + step + "): " + e, e);
        }
    }

    /** A query as an impatient client sends it: a short timeout, then another attempt; the status or -1. */
    private CompletableFuture<Integer> query(String source, String id, int attempts) {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/sources/" + source + "/query"))
                .timeout(IMPATIENT)
                .header("Content-Type", "application/json")
                .header(GovDataPlatform.APP_KEY_HEADER, PlatformConfig.DEMO_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"idNumber\": \"" + id
                        + "\", \"purpose\": \"入学资格核验\", \"requestId\": \"stuck-" + source + "\"}"))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((r, e) -> e == null
                        ? CompletableFuture.completedFuture(r.statusCode())
                        : attempts > 1 ? query(source, id, attempts - 1) : CompletableFuture.completedFuture(-1))
                .thenCompose(f -> f);
    }

    private URI uri(String path) {
        return cut.baseUri().resolve(path);
    }

    private static JsonObject parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    /** A pipe nobody reads: takes {@code capacity} bytes, then every write blocks until released. */
    private static final class StuckOutput extends OutputStream {
        final CountDownLatch stuck = new CountDownLatch(1);
        private final CountDownLatch release;
        private long left;

        StuckOutput(long capacity, CountDownLatch release) {
            this.left = capacity;
            this.release = release;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                stuck.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("released by interrupt");
                }
            }
            left -= Math.min(left, len);
        }
    }

    /** Standard error gone the same way, for the platform's own log: every record blocks until released. */
    private static final class StuckHandler extends Handler {
        final CountDownLatch stuck = new CountDownLatch(1);
        private final CountDownLatch release;

        StuckHandler(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            stuck.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
