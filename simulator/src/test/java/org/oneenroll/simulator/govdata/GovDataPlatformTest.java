package org.oneenroll.simulator.govdata;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneenroll.simulator.population.CountyLayoutGenerator;
import org.oneenroll.simulator.population.DefectKind;
import org.oneenroll.simulator.population.DefectRates;
import org.oneenroll.simulator.population.Family;
import org.oneenroll.simulator.population.HukouRecord;
import org.oneenroll.simulator.population.PopulationGenerator;
import org.oneenroll.simulator.population.RegionCatalog;
import org.oneenroll.simulator.population.ResidencePermitRecord;
import org.oneenroll.simulator.population.SocialInsuranceRecord;

/**
 * The platform as OneEnroll's verification client meets it over real HTTP: answers that match the generated
 * records, refused keys, busy sources, errors, hangs, garbage, and a query log that proves what was asked.
 */
class GovDataPlatformTest {

    private static final int FAMILIES = 600;
    /** Immutable and slow-ish to build, so shared by every test. */
    private static final PopulationGenerator GENERATOR = new PopulationGenerator(
            new CountyLayoutGenerator().generate("620123", 2026, 16, 30),
            RegionCatalog.load(),
            2026,
            2026,
            DefectRates.defaults().with(DefectKind.MISSING_HUKOU_RECORD, 0.05));
    /** Tests run on fast sources; the latency test sets its own. */
    private static final String FAST = "{\"seed\": 7, \"all\": {\"medianMs\": 2, \"sigma\": 0, \"maxMs\": 20}}";

    @TempDir
    Path dir;

    private GovDataPlatform cut;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @BeforeEach
    void start() throws IOException {
        PlatformConfig config =
                PlatformConfig.defaults().withFaults(FAST).withQueryLog(dir.resolve("queries.ndjson"), false);
        cut = new GovDataPlatform(new RecordLookup(GENERATOR, FAMILIES), config)
                .start(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        cut.stop(Duration.ofSeconds(2));
    }

    @Test
    void aKnownChildsHukouAnswerIsTheGeneratorsRecord() throws Exception {
        Family family = families()
                .filter(f -> !f.hasDefect(DefectKind.MISSING_HUKOU_RECORD))
                .findFirst()
                .orElseThrow();
        String id = family.applicants().get(0).person().idNumber();
        HukouRecord expected = family.records().hukou().stream()
                .filter(h -> h.idNumber().equals(id))
                .findFirst()
                .orElseThrow();

        HttpResponse<String> response = query("hukou", id);

        assertEquals(200, response.statusCode());
        JsonObject answer = parse(response.body());
        assertEquals("FOUND", answer.getString("outcome"));
        assertEquals("req-1", answer.getString("requestId"));
        assertEquals("2026-06-01", answer.getString("asOf"));
        JsonArray records = answer.getJsonArray("records");
        assertEquals(1, records.size());
        JsonObject r = records.getJsonObject(0);
        assertEquals(expected.idNumber(), r.getString("idNumber"));
        assertEquals(expected.name(), r.getString("name"));
        assertEquals(expected.sex().label(), r.getString("sex"));
        assertEquals(expected.birthDate().toString(), r.getString("birthDate"));
        assertEquals(expected.ethnicity(), r.getString("ethnicity"));
        assertEquals(expected.nativePlace(), r.getString("nativePlace"));
        assertEquals(expected.birthPlace(), r.getString("birthPlace"));
        assertEquals(expected.regionCode(), r.getString("regionCode"));
        assertEquals(expected.regionName(), r.getString("regionName"));
        assertEquals(expected.address(), r.getString("address"));
        assertEquals(expected.issuingAuthority(), r.getString("issuingAuthority"));
        assertEquals(expected.householdType(), r.getString("householdType"));
        assertEquals(expected.householdNumber(), r.getString("householdNumber"));
        assertEquals(expected.householderName(), r.getString("householderName"));
        assertEquals(expected.relationCode(), r.getString("relationCode"));
        assertEquals(expected.relationName(), r.getString("relationName"));
        assertEquals(16, r.size(), "exactly the documented fields: " + r.keySet());
    }

    @Test
    void aChildTheHukouSourceLostGetsNoRecord() throws Exception {
        Family family = families()
                .filter(f -> f.hasDefect(DefectKind.MISSING_HUKOU_RECORD))
                .findFirst()
                .orElseThrow();
        String id = family.defects().stream()
                .filter(d -> d.kind() == DefectKind.MISSING_HUKOU_RECORD)
                .findFirst()
                .orElseThrow()
                .subjectIdNumber();

        HttpResponse<String> response = query("hukou", id);

        assertEquals(200, response.statusCode());
        JsonObject answer = parse(response.body());
        assertEquals("NO_RECORD", answer.getString("outcome"));
        assertEquals(0, answer.getInt("count"));
        assertTrue(answer.getJsonArray("records").isEmpty());
        // the child still exists for the other sources
        assertEquals("FOUND", parse(query("birth-certificate", id).body()).getString("outcome"));
    }

    @Test
    void socialInsuranceAnswersCarryStartEndAndMonthsPaidInTheLastTwoYears() throws Exception {
        SocialInsuranceRecord expected = families()
                .flatMap(f -> f.records().socialInsurance().stream())
                .filter(s -> s.paidMonths().size() > 30)
                .findFirst()
                .orElseThrow();

        JsonObject r = parse(query("social-insurance", expected.idNumber()).body())
                .getJsonArray("records")
                .getJsonObject(0);

        assertEquals(expected.firstMonth().toString(), r.getString("startMonth"));
        assertEquals(expected.lastMonth().toString(), r.getString("endMonth"));
        assertEquals("2026-06", r.getString("currentMonth"));
        assertEquals(expected.monthsInLastTwoYears(YearMonth.of(2026, 5)), r.getInt("monthsPaidLast24"));
        assertEquals(expected.paidMonths().size(), r.getJsonArray("paidMonths").size());
    }

    @Test
    void anExpiredResidencePermitIsAnsweredAsNotValid() throws Exception {
        Family family = families()
                .filter(f -> f.hasDefect(DefectKind.EXPIRED_RESIDENCE_PERMIT))
                .findFirst()
                .orElseThrow();
        ResidencePermitRecord expired = family.records().residencePermits().stream()
                .filter(p -> p.validUntil().isBefore(GENERATOR.asOf()))
                .findFirst()
                .orElseThrow();

        JsonObject r = parse(query("residence-permit", expired.idNumber()).body())
                .getJsonArray("records")
                .getJsonObject(0);

        assertEquals(expired.validUntil().toString(), r.getString("validUntil"));
        assertEquals(JsonValue.FALSE, r.get("valid"));
    }

    @Test
    void aMissingOrUnknownAppKeyIsRefusedWith401() throws Exception {
        String id = someChild();
        HttpResponse<String> unknown = http.send(
                request("hukou", body(id)).setHeader("X-App-Key", "guess").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(uri("/api/v1/sources/hukou/query"))
                        .timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString(body(id)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, unknown.statusCode());
        assertEquals("UNAUTHORIZED", parse(unknown.body()).getString("code"));
        assertTrue(parse(unknown.body()).getString("message").contains("unknown app key"));
        assertEquals(401, missing.statusCode());
        assertTrue(parse(missing.body()).getString("message").contains("missing X-App-Key"));
    }

    @Test
    void badQueriesAreRefusedWith400AndACode() throws Exception {
        String valid = someChild();
        char wrongCheck = valid.charAt(17) == '1' ? '2' : '1';
        HttpResponse<String> invalid = query("hukou", valid.substring(0, 17) + wrongCheck);
        HttpResponse<String> noPurpose = http.send(
                keyed("hukou", "{\"idNumber\":\"" + someChild() + "\"}"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> garbage = http.send(keyed("hukou", "idNumber=1"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknownSource = query("horoscope", someChild());

        assertEquals(400, invalid.statusCode());
        assertEquals("INVALID_ID_NUMBER", parse(invalid.body()).getString("code"));
        assertEquals("MISSING_FIELD", parse(noPurpose.body()).getString("code"));
        assertEquals(400, garbage.statusCode());
        assertEquals(404, unknownSource.statusCode());
        assertEquals("UNKNOWN_SOURCE", parse(unknownSource.body()).getString("code"));
    }

    @Test
    void aSourceAtItsConcurrencyCapAnswersBusy() throws Exception {
        admin(
                "PUT",
                "/admin/faults",
                "{\"sources\": {\"hukou\": {\"concurrency\": 2, \"timeoutRate\": 1, " + "\"hangMs\": 20000}}}");
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            held.add(http.sendAsync(
                    request("hukou", body(someChild()))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(30, SECONDS).until(() -> cut.faults().inFlight(Source.HUKOU) == 2);

        HttpResponse<String> third = query("hukou", someChild());
        HttpResponse<String> otherSource = query("marriage", someParent());

        assertEquals(503, third.statusCode());
        assertEquals("BUSY", parse(third.body()).getString("code"));
        assertEquals("1", third.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, otherSource.statusCode(), "a busy source does not block the others");
        assertEquals(
                1,
                parse(admin("GET", "/admin/queries?source=hukou", null)).getJsonArray("queries").stream()
                        .filter(q -> q.asJsonObject().getString("outcome").equals("BUSY"))
                        .count());
        held.forEach(f -> assertFalse(f.isDone()));
    }

    @Test
    void anOutageAnswers500UntilItIsSwitchedOff() throws Exception {
        String id = someChild();
        admin("PUT", "/admin/faults", "{\"sources\": {\"hukou\": {\"errorRate\": 1.0}}}");

        HttpResponse<String> during = query("hukou", id);
        HttpResponse<String> otherSource = query("birth-certificate", id);
        admin("POST", "/admin/reset", "");
        HttpResponse<String> after = query("hukou", id);

        assertEquals(500, during.statusCode());
        assertEquals("INTERNAL_ERROR", parse(during.body()).getString("code"));
        assertEquals(200, otherSource.statusCode());
        assertEquals(200, after.statusCode());
        assertEquals("FOUND", parse(after.body()).getString("outcome"));
    }

    @Test
    void inTimeoutModeTheCallersOwnTimeoutFires() throws Exception {
        admin("PUT", "/admin/faults", "{\"all\": {\"timeoutRate\": 1, \"hangMs\": 20000}}");
        HttpRequest impatient = request("residence-permit", body(someParent()))
                .timeout(Duration.ofMillis(300))
                .build();

        assertThrows(HttpTimeoutException.class, () -> http.send(impatient, HttpResponse.BodyHandlers.ofString()));
        assertEquals(
                "TIMEOUT",
                parse(admin("GET", "/admin/queries?source=residence-permit", null))
                        .getJsonArray("queries")
                        .getJsonObject(0)
                        .getString("outcome"));
    }

    @Test
    void inMalformedModeTheBodyDoesNotParse() throws Exception {
        admin("PUT", "/admin/faults", "{\"sources\": {\"hukou\": {\"malformedRate\": 1}}}");

        HttpResponse<String> response = query("hukou", someChild());

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertThrows(JsonException.class, () -> parse(response.body()));
    }

    @Test
    void theQueryLogHoldsTheHashOfTheIdNumberNeverTheNumber() throws Exception {
        String id = someChild();
        query("hukou", id);

        String hash = QueryLog.hash(id);
        String listed = admin("GET", "/admin/queries?source=hukou&idHash=" + hash, null);
        JsonObject entry = parse(listed).getJsonArray("queries").getJsonObject(0);
        String file = Files.readString(dir.resolve("queries.ndjson.0"), StandardCharsets.UTF_8);

        assertEquals(1, parse(listed).getInt("count"));
        assertEquals("oneenroll", entry.getString("caller"));
        assertEquals("FOUND", entry.getString("outcome"));
        assertEquals("入学资格核验 620123-2026-X-000001", entry.getString("purpose"));
        assertEquals(64, hash.length());
        assertFalse(listed.contains(id));
        assertTrue(file.contains(hash), file);
        assertFalse(file.contains(id), file);
        assertEquals(
                0, parse(admin("GET", "/admin/queries?source=marriage", null)).getInt("count"));
    }

    @Test
    void theSameFaultSeedGivesTheSameFaultsAgain() throws Exception {
        admin("PUT", "/admin/faults", "{\"seed\": 99, \"all\": {\"errorRate\": 0.5}}");
        List<Integer> first = statuses(20);
        admin("PUT", "/admin/faults", "{\"seed\": 99}");
        List<Integer> again = statuses(20);

        assertEquals(first, again);
        assertTrue(first.contains(200) && first.contains(500), first.toString());
    }

    @Test
    void latenciesFollowTheConfiguredMedian() throws Exception {
        admin("PUT", "/admin/faults", "{\"all\": {\"medianMs\": 25, \"sigma\": 0.5, \"maxMs\": 250}}");
        List<String> ids = families()
                .limit(200)
                .map(f -> f.guardians().get(0).person().idNumber())
                .toList();
        List<Long> observed = new ArrayList<>();
        for (int batch = 0; batch < ids.size(); batch += 25) {
            List<CompletableFuture<Long>> running = new ArrayList<>();
            for (String id : ids.subList(batch, batch + 25)) {
                long sent = System.nanoTime();
                running.add(http.sendAsync(request("marriage", body(id)).build(), HttpResponse.BodyHandlers.ofString())
                        .thenApply(r -> (System.nanoTime() - sent) / 1_000_000));
            }
            running.forEach(f -> observed.add(f.join()));
        }

        List<Long> planned =
                parse(admin("GET", "/admin/queries?source=marriage", null)).getJsonArray("queries").stream()
                        .map(q -> q.asJsonObject().getJsonNumber("latencyMs").longValue())
                        .toList();
        assertEquals(200, planned.size());
        long plannedMedian = median(planned);
        long observedMedian = median(observed);
        assertTrue(plannedMedian >= 20 && plannedMedian <= 31, "planned median " + plannedMedian);
        assertTrue(planned.stream().anyMatch(ms -> ms > 50), "a long tail: " + planned);
        assertTrue(
                observedMedian >= plannedMedian - 2 && observedMedian < plannedMedian + 1000,
                "observed median " + observedMedian + " vs planned " + plannedMedian);
    }

    @Test
    void healthAndTheCatalogueDescribeThePlatform() throws Exception {
        JsonObject health = parse(admin("GET", "/health", null));
        JsonArray sources = parse(admin("GET", "/api/v1/sources", null)).getJsonArray("sources");

        assertEquals("UP", health.getString("status"));
        assertEquals("620123", health.getString("county"));
        assertEquals(FAMILIES, health.getInt("families"));
        assertEquals(11, sources.size());
        JsonObject hukou = sources.getJsonObject(0);
        assertEquals("/api/v1/sources/hukou/query", hukou.getString("path"));
        assertEquals(
                "户籍地址详址",
                hukou.getJsonArray("fields").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(f -> f.getString("name").equals("address"))
                        .findFirst()
                        .orElseThrow()
                        .getString("chinese"));
    }

    @Test
    void stoppingEndsHeldQueriesAtOnceAndRefusesNewOnes() throws Exception {
        admin("PUT", "/admin/faults", "{\"all\": {\"timeoutRate\": 1, \"hangMs\": 60000}}");
        CompletableFuture<HttpResponse<String>> held = http.sendAsync(
                request("hukou", body(someChild()))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(30, SECONDS).until(() -> cut.faults().inFlight(Source.HUKOU) == 1);

        long started = System.nanoTime();
        cut.stop(Duration.ofSeconds(10));

        assertTrue((System.nanoTime() - started) / 1_000_000 < 5000, "stop did not wait for the hang");
        assertEquals(503, held.get(5, SECONDS).statusCode());
        assertEquals("SHUTTING_DOWN", parse(held.get().body()).getString("code"));
        assertThrows(IOException.class, () -> query("hukou", someChild()));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Stream<Family> families() {
        return GENERATOR.families(FAMILIES);
    }

    private static String someChild() {
        return GENERATOR.family(3).applicants().get(0).person().idNumber();
    }

    private static String someParent() {
        return GENERATOR.family(3).guardians().get(0).person().idNumber();
    }

    private List<Integer> statuses(int n) throws Exception {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(query("marriage", someParent()).statusCode());
        }
        return out;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().collect(Collectors.toList());
        return sorted.get(sorted.size() / 2);
    }

    private static String body(String id) {
        return "{\"idNumber\": \"" + id + "\", \"purpose\": \"入学资格核验 620123-2026-X-000001\", "
                + "\"requestId\": \"req-1\"}";
    }

    private URI uri(String path) {
        return cut.baseUri().resolve(path);
    }

    private HttpRequest.Builder request(String source, String body) {
        return HttpRequest.newBuilder(uri("/api/v1/sources/" + source + "/query"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-App-Key", PlatformConfig.DEMO_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest keyed(String source, String body) {
        return request(source, body).build();
    }

    private HttpResponse<String> query(String source, String id) throws IOException, InterruptedException {
        return http.send(keyed(source, body(id)), HttpResponse.BodyHandlers.ofString());
    }

    private String admin(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher =
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(5))
                        .method(method, publisher)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static JsonObject parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }
}
