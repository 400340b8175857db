package org.oneenroll.simulator.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsmpp.bean.BindType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP SMS provider as OneEnroll's HTTP gateway meets it: message ids, duplicates shared with the SMSC, and
 * every refusal with its status code.
 */
class SmsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String KEY = MessagingConfig.DEMO_APP_KEY;

    private MessagingSimulator cut;
    private HttpJson http;

    @BeforeEach
    void start() throws IOException {
        cut = new MessagingSimulator(MessagingConfig.builder()
                        .smppPort(0)
                        .httpPort(0)
                        .smsc(SmscSettings.DEFAULT.withReceiptDelayMs(20))
                        .build())
                .start();
        http = new HttpJson(cut);
    }

    @AfterEach
    void stop() {
        cut.stop();
    }

    private HttpResponse<String> sms(String body) throws Exception {
        return http.post(MessagingHttp.SMS_API, body, "X-App-Key", KEY, "Content-Type", "application/json");
    }

    private static String message(String to, String text, String key) {
        return "{\"to\":\"" + to + "\",\"text\":\"" + text + "\"" + (key == null ? "" : ",\"key\":\"" + key + "\"")
                + ",\"urgent\":false}";
    }

    @Test
    void aMessageIsAcceptedThenDelivered() throws Exception {
        // 71 UCS-2 units: two parts
        HttpResponse<String> r = sms(message("13800138000", "入".repeat(71), "http-1"));

        assertEquals(200, r.statusCode(), r.body());
        JsonObject answer = HttpJson.parse(r.body());
        assertFalse(answer.getBoolean("duplicate"));
        assertEquals(2, answer.getInt("segments"));
        String id = answer.getString("messageId");
        await().atMost(WAIT).until(() -> HttpJson.parse(http.get(MessagingHttp.SMS_API + "/" + id, "X-App-Key", KEY)
                        .body())
                .getString("status")
                .equals("DELIVERED"));
        SmsRecord stored = cut.sms().find(id).orElseThrow();
        assertEquals(SmsRecord.Channel.HTTP, stored.channel());
        assertEquals("入".repeat(71), stored.text());
        assertEquals(SmsRecord.Receipt.NOT_REQUESTED, stored.receipt());
    }

    @Test
    void theSameKeyAgainGetsTheSameIdAsADuplicate() throws Exception {
        String first = HttpJson.parse(
                        sms(message("13800138000", "您的材料已通过审核", "http-dup")).body())
                .getString("messageId");

        JsonObject again = HttpJson.parse(
                sms(message("13800138000", "您的材料已通过审核", "http-dup")).body());

        assertEquals(first, again.getString("messageId"));
        assertTrue(again.getBoolean("duplicate"));
        assertEquals(1, again.getInt("segments"));
        assertEquals(1, cut.sms().messages("13800138000", null, 10).size());
        assertEquals(Map.of("SMPP", 0L, "HTTP", 1L, "total", 1L), cut.stats().get("duplicates"));
    }

    @Test
    void keysAreSharedWithTheSmscInBothDirections() throws Exception {
        String viaSmpp;
        try (Esme esme = Esme.bind(cut, BindType.BIND_TRX)) {
            viaSmpp = esme.submitUcs2("13800138000", "先走短信通道", "shared-1", false);
            String viaHttp = HttpJson.parse(sms(message("13900139000", "HTTP first", "shared-2"))
                            .body())
                    .getString("messageId");

            JsonObject httpAgain = HttpJson.parse(
                    sms(message("13800138000", "先走短信通道", "shared-1")).body());
            String smppAgain = esme.submitLatin("13900139000", "HTTP first", "shared-2", false);

            assertEquals(viaSmpp, httpAgain.getString("messageId"));
            assertTrue(httpAgain.getBoolean("duplicate"));
            assertEquals(viaHttp, smppAgain);
        }
        List<SmsRecord> all = cut.sms().messages(null, null, 10);
        assertEquals(2, all.size());
        assertEquals(SmsRecord.Channel.SMPP, all.get(0).channel());
        assertEquals(SmsRecord.Channel.HTTP, all.get(1).channel());
        assertEquals(Map.of("SMPP", 1L, "HTTP", 1L, "total", 2L), cut.stats().get("duplicates"));
    }

    @Test
    void aMissingOrWrongAppKeyIs401() throws Exception {
        HttpResponse<String> missing = http.post(MessagingHttp.SMS_API, message("13800138000", "x", null));
        HttpResponse<String> wrong =
                http.post(MessagingHttp.SMS_API, message("13800138000", "x", null), "X-App-Key", "bad");

        assertEquals(401, missing.statusCode());
        assertEquals(401, wrong.statusCode());
        assertEquals("UNAUTHORIZED", HttpJson.parse(wrong.body()).getString("code"));
        assertTrue(cut.sms().messages(null, null, 10).isEmpty());
    }

    @Test
    void aBadBodyIs400WithAMessageSayingWhatIsWrong() throws Exception {
        Map<String, String> cases = Map.of(
                "not json",
                "body is not a JSON object",
                "{\"text\":\"x\"}",
                "to is required",
                "{\"to\":\"call me\",\"text\":\"x\"}",
                "to must be a phone number",
                "{\"to\":\"13800138000\"}",
                "text is required",
                "{\"to\":\"13800138000\",\"text\":\"x\",\"key\":\"" + "k".repeat(101) + "\"}",
                "key must be 1 to 100",
                "{\"to\":\"13800138000\",\"text\":\"x\",\"urgent\":\"yes\"}",
                "urgent must be true or false",
                "{\"to\":13800138000,\"text\":\"x\"}",
                "to must be a string");

        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> r = sms(c.getKey());
            assertEquals(400, r.statusCode(), c.getKey());
            assertTrue(HttpJson.parse(r.body()).getString("message").startsWith(c.getValue()), r.body());
        }
        assertTrue(cut.sms().messages(null, null, 10).isEmpty());
        assertEquals((long) cases.size(), cut.stats().get("invalid"));
    }

    @Test
    void throttledIs429InTheSameWindowAsTheSmsc() throws Exception {
        cut.faults().setSmsc(cut.faults().smsc().withThrottlePerSecond(1));
        // one frozen instant for both submissions: a slow machine must not let the window slide between them
        long frozen = System.nanoTime();
        cut.sms().ticker(() -> frozen);
        try (Esme esme = Esme.bind(cut, BindType.BIND_TRX)) {
            esme.submitUcs2("13800138000", "占满窗口", null, false);
        }

        HttpResponse<String> r = sms(message("13800138000", "second", "throttled-1"));

        assertEquals(429, r.statusCode(), r.body());
        assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
        assertEquals(1, cut.sms().messages(null, null, 10).size());
        assertEquals(0, cut.sms().messages(null, "throttled-1", 10).size());
    }

    @Test
    void theFailShareIs500AndDownIs503() throws Exception {
        cut.faults().setSmsc(cut.faults().smsc().withFailRate(1));
        HttpResponse<String> failed = sms(message("13800138000", "x", "f-1"));
        cut.faults().setSmsc(cut.faults().smsc().withFailRate(0).withDown(true));
        HttpResponse<String> down = sms(message("13800138000", "x", "f-1"));
        cut.faults().setSmsc(cut.faults().smsc().withDown(false));
        HttpResponse<String> up = sms(message("13800138000", "x", "f-1"));

        assertEquals(500, failed.statusCode());
        assertEquals(503, down.statusCode());
        assertEquals(200, up.statusCode());
        assertFalse(HttpJson.parse(up.body()).getBoolean("duplicate"), "a refused key was never accepted");
        assertEquals(1L, cut.stats().get("failed"));
        assertEquals(1L, cut.stats().get("refusedDown"));
    }

    @Test
    void anUnknownMessageIdIs404() throws Exception {
        HttpResponse<String> r = http.get(MessagingHttp.SMS_API + "/ffffffffff", "X-App-Key", KEY);

        assertEquals(404, r.statusCode());
    }
}
