package org.oneenroll.simulator.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsmpp.bean.BindType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API as tests and operators use it: listing, counting, switching faults, resetting. */
class AdminApiTest {

    private static final String APP_KEY = MessagingConfig.DEMO_APP_KEY;

    @TempDir
    Path dir;

    private MessagingSimulator cut;
    private HttpJson http;

    @BeforeEach
    void start() throws IOException {
        cut = new MessagingSimulator(MessagingConfig.builder()
                        .smppPort(0)
                        .httpPort(0)
                        .faultSeed(11L)
                        .logFile(dir.resolve("events.ndjson"))
                        .build())
                .start();
        http = new HttpJson(cut);
    }

    @AfterEach
    void stop() {
        cut.stop();
    }

    private void sms(String to, String text, String key) throws Exception {
        HttpResponse<String> r = http.post(
                MessagingHttp.SMS_API,
                "{\"to\":\"" + to + "\",\"text\":\"" + text + "\",\"key\":\"" + key + "\"}",
                "X-App-Key",
                APP_KEY);
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void messagesAreListedOldestFirstByNumberKeyAndLimit() throws Exception {
        sms("13800138000", "first", "k1");
        sms("13900139000", "other", "k2");
        sms("13800138000", "second", "k3");
        sms("13800138000", "third", "k4");

        JsonObject toOne = http.json("/admin/sms?to=13800138000");
        JsonObject newestTwo = http.json("/admin/sms?to=13800138000&limit=2");
        JsonObject byKey = http.json("/admin/sms?key=k2");

        assertEquals(3, toOne.getInt("count"));
        assertEquals(List.of("first", "second", "third"), texts(toOne.getJsonArray("messages")));
        assertEquals(List.of("second", "third"), texts(newestTwo.getJsonArray("messages")));
        assertEquals(List.of("other"), texts(byKey.getJsonArray("messages")));
        JsonObject m = byKey.getJsonArray("messages").getJsonObject(0);
        assertEquals("HTTP", m.getString("channel"));
        assertEquals("13900139000", m.getString("destination"));
        assertEquals(1, m.getInt("segments"));
        assertEquals(400, http.get("/admin/sms?limit=many").statusCode());
    }

    @Test
    void statsCountWhatHappened() throws Exception {
        sms("13800138000", "one", "s1");
        sms("13800138000", "one", "s1");

        JsonObject stats = http.json("/admin/stats");

        assertEquals(1, stats.getInt("accepted"));
        assertEquals(1, stats.getJsonObject("duplicates").getInt("HTTP"));
        assertEquals(0, stats.getInt("throttled"));
        assertEquals(0, stats.getInt("failed"));
        assertEquals(0, stats.getInt("receiptsSent"));
        assertEquals(0, stats.getInt("receiptsDropped"));
        assertEquals(1, stats.getInt("uniqueKeys"));
        assertEquals(0, stats.getInt("feedbackAccepted"));
        assertEquals(0, stats.getInt("feedbackDuplicates"));
        assertEquals(0, stats.getInt("feedbackOutOfOrder"));
        assertEquals(0, stats.getInt("sessionsBound"));
    }

    @Test
    void faultsChangeOnlyWhatIsNamedAndAnswerTheResult() throws Exception {
        HttpResponse<String> r = http.put(
                "/admin/faults",
                "{\"smsc\": {\"throttlePerSecond\": 50, \"failRate\": 0.1}, \"provincial\": {\"down\": true}}");

        assertEquals(200, r.statusCode(), r.body());
        JsonObject smsc = HttpJson.parse(r.body()).getJsonObject("smsc");
        assertEquals(50, smsc.getInt("throttlePerSecond"));
        assertEquals(0.1, smsc.getJsonNumber("failRate").doubleValue());
        assertEquals(200, smsc.getInt("receiptDelayMs"), "unchanged");
        assertEquals(true, HttpJson.parse(r.body()).getJsonObject("provincial").getBoolean("down"));
        assertEquals(HttpJson.parse(r.body()), http.json("/admin/faults"));
        assertEquals(new SmscSettings(50, 0.1, 200, 0, false), cut.faults().smsc());
    }

    @Test
    void anInvalidFaultUpdateIs400AndChangesNothing() throws Exception {
        List<String> invalid = List.of(
                "not json",
                "[]",
                "{\"smsc\": {\"failRate\": 2}}",
                "{\"smsc\": {\"throttlePerSecond\": -1}}",
                "{\"smsc\": {\"throttlePerSecond\": 1.5}}",
                "{\"smsc\": {\"down\": \"yes\"}}",
                "{\"smsc\": {\"bogus\": 1}}",
                "{\"smsc\": 5}",
                "{\"gateway\": {}}",
                "{\"smsc\": {\"receiptDelayMs\": 10}, \"provincial\": {\"errorRate\": -0.5}}");
        String before = http.get("/admin/faults").body();

        for (String body : invalid) {
            HttpResponse<String> r = http.put("/admin/faults", body);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            assertTrue(!HttpJson.parse(r.body()).getString("message").isBlank(), r.body());
        }

        assertEquals(before, http.get("/admin/faults").body());
        assertEquals(SmscSettings.DEFAULT, cut.faults().smsc());
    }

    @Test
    void resetEmptiesStoresZeroesCountsRestoresSettingsAndKeepsSessions() throws Exception {
        try (Esme esme = Esme.bind(cut, BindType.BIND_TRX)) {
            esme.submitUcs2("13800138000", "重置前", "before-reset", false);
            sms("13800138000", "before reset", "before-reset-2");
            http.post(
                    MessagingHttp.FEEDBACK_API,
                    "{\"caseNumber\":\"C1\",\"sequence\":1,\"status\":\"S\",\"occurredAt\":\"2027-07-01T08:00:00Z\"}",
                    "X-App-Key",
                    APP_KEY,
                    "Idempotency-Key",
                    "f1");
            http.put("/admin/faults", "{\"smsc\": {\"failRate\": 0.5}, \"provincial\": {\"errorRate\": 0.5}}");

            HttpResponse<String> reset = http.post("/admin/reset", "");

            assertEquals(200, reset.statusCode());
            assertEquals(0, http.json("/admin/sms").getInt("count"));
            assertEquals(0, http.json("/admin/feedback").getInt("count"));
            JsonObject stats = http.json("/admin/stats");
            assertEquals(0, stats.getInt("accepted"));
            assertEquals(0, stats.getInt("uniqueKeys"));
            assertEquals(0, stats.getInt("feedbackAccepted"));
            assertEquals(1, stats.getInt("sessionsBound"), "connections are not state");
            assertEquals(SmscSettings.DEFAULT, cut.faults().smsc());
            assertEquals(ProvincialSettings.DEFAULT, cut.faults().provincial());
            assertEquals(11L, cut.faults().seed());
            String id = esme.submitUcs2("13800138000", "重置前", "before-reset", false);
            assertEquals(1, http.json("/admin/sms?key=before-reset").getInt("count"), "the key is new again: " + id);
        }
    }

    @Test
    void healthUnknownPathsAndWrongMethodsAnswerPlainly() throws Exception {
        assertEquals(200, http.get("/health").statusCode());
        assertEquals(404, http.get("/nowhere").statusCode());
        assertEquals(405, http.get(MessagingHttp.SMS_API).statusCode());
        assertEquals(405, http.get("/admin/reset").statusCode());
    }

    @Test
    void theEventLogHasALinePerEventWithThePhoneNumberMasked() throws Exception {
        sms("13800138000", "logged", "log-1");

        Path file = dir.resolve("events.ndjson.0");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file) && Files.size(file) > 0);
        String lines = Files.readString(file);
        assertTrue(lines.contains("\"event\":\"SMS_ACCEPTED\""), lines);
        assertTrue(lines.contains("\"to\":\"138****8000\""), lines);
        assertTrue(!lines.contains("13800138000"), "the full number never reaches the log");
    }

    private static List<String> texts(JsonArray messages) {
        return messages.stream().map(v -> v.asJsonObject().getString("text")).toList();
    }
}
