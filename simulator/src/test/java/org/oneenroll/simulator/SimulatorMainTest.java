package org.oneenroll.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneenroll.simulator.govdata.GovDataPlatform;
import org.oneenroll.simulator.messaging.MessagingConfig;
import org.oneenroll.simulator.messaging.MessagingSimulator;
import org.oneenroll.simulator.messaging.ProvincialSettings;
import org.oneenroll.simulator.messaging.SmscSettings;
import org.oneenroll.simulator.population.CountyLayout;
import org.oneenroll.simulator.population.DefectRates;
import org.oneenroll.simulator.population.LayoutJson;
import org.oneenroll.simulator.population.PopulationGenerator;
import org.oneenroll.simulator.population.RegionCatalog;

/** The command line as an operator uses it: files written, counts reported, exit codes. */
class SimulatorMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SimulatorMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void layoutWritesAJsonFileTheLoaderCanRead() throws IOException {
        Path file = dir.resolve("layout.json");
        assertEquals(
                0,
                run("layout", "--county", "620123", "--seed", "2026", "--families", "400", "--out", file.toString()));
        CountyLayout layout = LayoutJson.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("榆中县", layout.county().name());
        assertEquals(400, layout.population().families());
        assertTrue(errors().contains("20 towns"), errors());
    }

    @Test
    void populationStreamsOneFamilyPerLineAndReportsCounts() throws IOException {
        Path file = dir.resolve("pop.ndjson");
        assertEquals(
                0,
                run("population", "--county", "620123", "--seed", "7", "--families", "120", "--out", file.toString()));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(120, lines.size());
        assertTrue(lines.get(0).startsWith("{\"index\":0,"), lines.get(0));
        assertTrue(errors().contains("families: 120"), errors());
        assertTrue(errors().contains("defects by kind"), errors());
        assertTrue(errors().contains("families/s"), errors());
    }

    @Test
    void populationToStandardOutputMatchesTheFileAndReadsALayoutFile() throws IOException {
        Path layout = dir.resolve("layout.json");
        run("layout", "--seed", "2026", "--families", "0", "--out", layout.toString());
        Path file = dir.resolve("pop.ndjson");
        run("population", "--seed", "3", "--families", "30", "--out", file.toString());
        assertEquals(
                0, run("population", "--seed", "3", "--families", "30", "--layout", layout.toString(), "--out", "-"));
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownCommandsAreRefusedWithAnExitCode() {
        assertEquals(2, run());
        assertEquals(2, run("bogus"));
        assertTrue(errors().contains("usage"), errors());
        assertTrue(errors().contains("serve"), errors());
    }

    @Test
    void serveAnswersFromTheLayoutFilesPopulationWithTheConfiguredKeys() throws Exception {
        Path layout = dir.resolve("layout.json");
        run("layout", "--seed", "2026", "--families", "300", "--population-seed", "5", "--out", layout.toString());
        Path config = dir.resolve("sim.json");
        Files.writeString(
                config,
                "{\"appKeys\": {\"k-test\": \"tester\"}, \"queryLog\": {\"stdout\": false},"
                        + " \"faults\": {\"all\": {\"medianMs\": 1, \"sigma\": 0}}}");
        GovDataPlatform platform = SimulatorMain.startPlatform(
                SimulatorMain.parse(
                        "--layout",
                        layout.toString(),
                        "--port",
                        "0",
                        "--config",
                        config.toString(),
                        "--fault-seed",
                        "3"),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            String health = http.send(
                            HttpRequest.newBuilder(platform.baseUri().resolve("/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            CountyLayout written = LayoutJson.fromJson(Files.readString(layout));
            String id = new PopulationGenerator(
                            written,
                            RegionCatalog.load(),
                            5,
                            written.population().planYear(),
                            DefectRates.defaults())
                    .family(299)
                    .guardians()
                    .get(0)
                    .person()
                    .idNumber();
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(platform.baseUri().resolve("/api/v1/sources/hukou/query"))
                            .timeout(Duration.ofSeconds(5))
                            .header("X-App-Key", "k-test")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"idNumber\": \"" + id + "\", \"purpose\": \"test\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertTrue(health.contains("\"families\":300") && health.contains("\"seed\":5"), health);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains(id), answer.body());
            assertEquals(3L, platform.faults().seed());
            assertTrue(errors().contains("/health"), errors());
        } finally {
            platform.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void serveRefusesABadPort() {
        assertThrows(
                IllegalArgumentException.class,
                () -> SimulatorMain.startPlatform(
                        SimulatorMain.parse("--port", "70000", "--families", "10"), System.err));
    }

    @Test
    void messagingOptionsBecomeTheConfiguration() {
        MessagingConfig config = SimulatorMain.messagingConfig(SimulatorMain.parse(
                "--smpp-port", "2776",
                "--http-port", "8183",
                "--system-id", "bench",
                "--password", "secret",
                "--app-key", "k-bench",
                "--throttle-per-second", "50",
                "--fail-rate", "0.25",
                "--receipt-delay-ms", "100",
                "--undeliverable-rate", "0.5",
                "--provincial-error-rate", "0.1",
                "--fault-seed", "42",
                "--capacity", "2000",
                "--log", dir.resolve("events.ndjson").toString()));

        assertEquals(2776, config.smppPort());
        assertEquals(8183, config.httpPort());
        assertEquals("bench", config.systemId());
        assertEquals("secret", config.password());
        assertEquals("k-bench", config.appKey());
        assertEquals(new SmscSettings(50, 0.25, 100, 0.5, false), config.smsc());
        assertEquals(new ProvincialSettings(false, 0.1), config.provincial());
        assertEquals(42L, config.faultSeed());
        assertEquals(2000, config.capacity());
        assertEquals(dir.resolve("events.ndjson"), config.logFile());
        assertEquals(MessagingConfig.defaults(), SimulatorMain.messagingConfig(SimulatorMain.parse()));
    }

    @Test
    void messagingRefusesBadValuesByName() {
        IllegalArgumentException rate = assertThrows(
                IllegalArgumentException.class,
                () -> SimulatorMain.messagingConfig(SimulatorMain.parse("--fail-rate", "often")));
        IllegalArgumentException password = assertThrows(
                IllegalArgumentException.class,
                () -> SimulatorMain.messagingConfig(SimulatorMain.parse("--password", "far-too-long")));

        assertTrue(rate.getMessage().contains("--fail-rate"), rate.getMessage());
        assertTrue(password.getMessage().contains("--password"), password.getMessage());
    }

    @Test
    void messagingPrintsOneReadyLineWithTheChosenPorts() throws Exception {
        MessagingSimulator simulator = SimulatorMain.startMessaging(
                SimulatorMain.parse("--smpp-port", "0", "--http-port", "0"),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String line = out.toString(StandardCharsets.UTF_8);
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(simulator.httpBaseUri().resolve("/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertEquals(
                    "messaging simulator ready: smpp=127.0.0.1:" + simulator.smppPort() + " http=http://127.0.0.1:"
                            + simulator.httpPort() + " system_id=oneenroll" + System.lineSeparator(),
                    line);
            assertTrue(simulator.smppPort() > 0 && simulator.httpPort() > 0);
            assertEquals(200, health.statusCode());
        } finally {
            simulator.stop();
        }
    }

    @Test
    void withoutAYearTheComingIntakeIsGenerated() {
        assertEquals(2027, SimulatorMain.comingIntakeYear(java.time.LocalDate.of(2026, 11, 21)), "autumn: next summer");
        assertEquals(2027, SimulatorMain.comingIntakeYear(java.time.LocalDate.of(2027, 3, 1)), "spring: this summer");
        assertEquals(2027, SimulatorMain.comingIntakeYear(java.time.LocalDate.of(2027, 8, 31)));
        assertEquals(2028, SimulatorMain.comingIntakeYear(java.time.LocalDate.of(2027, 9, 1)));
    }
}
