package org.oneenroll.simulator.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provincial platform's 办件回传 as OneEnroll's pusher meets it: idempotency, order checks, refusals. */
class CaseFeedbackApiTest {

    private static final String CASE = "620123-2027-X-000001";

    private MessagingSimulator cut;
    private HttpJson http;

    @BeforeEach
    void start() throws IOException {
        cut = new MessagingSimulator(MessagingConfig.ephemeral()).start();
        http = new HttpJson(cut);
    }

    @AfterEach
    void stop() {
        cut.stop();
    }

    private HttpResponse<String> push(String idempotencyKey, String caseNumber, long sequence, String status)
            throws Exception {
        return http.post(
                MessagingHttp.FEEDBACK_API,
                "{\"caseNumber\":\"" + caseNumber + "\",\"sequence\":" + sequence + ",\"status\":\"" + status
                        + "\",\"occurredAt\":\"2027-07-01T08:00:00Z\",\"detail\":\"资格审核通过\"}",
                "X-App-Key",
                MessagingConfig.DEMO_APP_KEY,
                "Idempotency-Key",
                idempotencyKey);
    }

    private JsonObject feedback(String caseNumber) throws Exception {
        return http.json("/admin/feedback?caseNumber=" + caseNumber);
    }

    @Test
    void anItemIsStoredOncePerIdempotencyKey() throws Exception {
        HttpResponse<String> first = push(CASE + "/1", CASE, 1, "SUBMITTED");
        HttpResponse<String> again = push(CASE + "/1", CASE, 1, "SUBMITTED");

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(Map.of("accepted", true, "duplicate", false), booleans(first));
        assertEquals(200, again.statusCode());
        assertEquals(Map.of("accepted", true, "duplicate", true), booleans(again));
        JsonObject stored = feedback(CASE);
        assertEquals(1, stored.getInt("count"));
        JsonObject item = stored.getJsonArray("items").getJsonObject(0);
        assertEquals("SUBMITTED", item.getString("status"));
        assertEquals("2027-07-01T08:00:00Z", item.getString("occurredAt"));
        assertEquals("资格审核通过", item.getString("detail"));
        assertEquals(1L, cut.stats().get("feedbackAccepted"));
        assertEquals(1L, cut.stats().get("feedbackDuplicates"));
    }

    @Test
    void itemsInSequenceAreInOrderAndEveryOtherArrivalIsCounted() throws Exception {
        String other = "620123-2027-X-000002";
        push("a1", CASE, 1, "SUBMITTED");
        push("a2", CASE, 2, "VERIFIED");
        push("a3", CASE, 3, "ADMITTED");
        push("b3", other, 3, "VERIFIED");
        push("b4", other, 4, "ADMITTED");

        assertEquals(0, feedback(CASE).getInt("outOfOrder"));
        assertEquals(0, http.json("/admin/feedback").getInt("outOfOrder"), "a case's first item may start anywhere");

        push("a2-late", CASE, 2, "VERIFIED");
        push("a3-again", CASE, 3, "ADMITTED");
        push("a5", CASE, 5, "ENROLLED");

        JsonObject stored = feedback(CASE);
        assertEquals(3, stored.getInt("outOfOrder"));
        assertEquals(5, stored.getInt("highestSequence"));
        JsonArray items = stored.getJsonArray("items");
        assertEquals(
                List.of("IN_ORDER", "IN_ORDER", "IN_ORDER", "LOWER", "REPEATED", "GAP"),
                items.stream().map(v -> v.asJsonObject().getString("order")).toList());
        assertEquals(0, feedback(other).getInt("outOfOrder"));
        assertEquals(3L, cut.stats().get("feedbackOutOfOrder"));
    }

    @Test
    void aMissingKeyIs401AndABadBodyOrHeaderIs400() throws Exception {
        HttpResponse<String> noAppKey = http.post(MessagingHttp.FEEDBACK_API, "{}", "Idempotency-Key", "k");
        HttpResponse<String> noIdempotencyKey = http.post(
                MessagingHttp.FEEDBACK_API,
                "{\"caseNumber\":\"" + CASE
                        + "\",\"sequence\":1,\"status\":\"X\",\"occurredAt\":\"2027-07-01T08:00:00Z\"}",
                "X-App-Key",
                MessagingConfig.DEMO_APP_KEY);
        HttpResponse<String> badTime = http.post(
                MessagingHttp.FEEDBACK_API,
                "{\"caseNumber\":\"" + CASE + "\",\"sequence\":1,\"status\":\"X\",\"occurredAt\":\"yesterday\"}",
                "X-App-Key",
                MessagingConfig.DEMO_APP_KEY,
                "Idempotency-Key",
                "k");
        HttpResponse<String> zeroSequence = push("k", CASE, 0, "X");
        HttpResponse<String> noCase = push("k", "", 1, "X");

        assertEquals(401, noAppKey.statusCode());
        assertEquals(400, noIdempotencyKey.statusCode());
        assertTrue(noIdempotencyKey.body().contains("Idempotency-Key header is required"), noIdempotencyKey.body());
        assertEquals(400, badTime.statusCode());
        assertTrue(badTime.body().contains("occurredAt must be an ISO-8601 instant"), badTime.body());
        assertEquals(400, zeroSequence.statusCode());
        assertTrue(zeroSequence.body().contains("sequence must be a whole number from 1"), zeroSequence.body());
        assertEquals(400, noCase.statusCode());
        assertEquals(0, http.json("/admin/feedback").getInt("count"));
    }

    @Test
    void downIs503AndTheErrorShareIs500AndNeitherIsStored() throws Exception {
        cut.faults().setProvincial(new ProvincialSettings(true, 0));
        HttpResponse<String> down = push("k-1", CASE, 1, "SUBMITTED");
        cut.faults().setProvincial(new ProvincialSettings(false, 1));
        HttpResponse<String> failed = push("k-1", CASE, 1, "SUBMITTED");
        cut.faults().setProvincial(ProvincialSettings.DEFAULT);
        HttpResponse<String> accepted = push("k-1", CASE, 1, "SUBMITTED");

        assertEquals(503, down.statusCode());
        assertEquals(500, failed.statusCode());
        assertEquals(200, accepted.statusCode());
        assertFalse(HttpJson.parse(accepted.body()).getBoolean("duplicate"));
        assertEquals(1, feedback(CASE).getInt("count"));
        assertEquals(1L, cut.stats().get("feedbackRefusedDown"));
        assertEquals(1L, cut.stats().get("feedbackFailed"));
    }

    private static Map<String, Boolean> booleans(HttpResponse<String> r) {
        JsonObject o = HttpJson.parse(r.body());
        return Map.of("accepted", o.getBoolean("accepted"), "duplicate", o.getBoolean("duplicate"));
    }
}
