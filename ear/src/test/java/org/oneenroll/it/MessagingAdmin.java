package org.oneenroll.it;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The messaging simulator's admin side (docs/simulator.md), for tests: switch faults, read
 * what the SMSC accepted and what the platform received.
 */
public final class MessagingAdmin {

    private final String base;

    /** On the server, where the messaging simulator's address is a server setting. */
    public MessagingAdmin() {
        this(System.getProperty("oneenroll.provincial.url"));
    }

    public MessagingAdmin(String base) {
        this.base = base;
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public void awaitUp() {
        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(() -> send(HttpRequest.newBuilder(URI.create(base + "/health")))
                                .statusCode()
                        == 200);
    }

    public void reset() {
        ok(send(HttpRequest.newBuilder(URI.create(base + "/admin/reset")).POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** e.g. {@code {"smsc": {"throttlePerSecond": 2}}} or {@code {"provincial": {"down": true}}}. */
    public void faults(String json) {
        ok(send(HttpRequest.newBuilder(URI.create(base + "/admin/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))));
    }

    /** The messages the SMSC (or the HTTP provider) accepted for a number, oldest first. */
    public List<JsonObject> smsTo(String phone) {
        return list("/admin/sms?limit=1000&to=" + encode(phone), "messages");
    }

    /** The accepted messages with an idempotency key. */
    public List<JsonObject> smsWithKey(String key) {
        return list("/admin/sms?limit=1000&key=" + encode(key), "messages");
    }

    /** The feedback items the provincial platform stored for a case, in the order they arrived. */
    public List<JsonObject> feedbackOf(String caseNumber) {
        return list("/admin/feedback?limit=1000&caseNumber=" + encode(caseNumber), "items");
    }

    /** The newest {@code limit} messages the SMSC stored, oldest first. */
    public List<JsonObject> sms(int limit) {
        return list("/admin/sms?limit=" + limit, "messages");
    }

    public JsonObject stats() {
        return read(ok(send(HttpRequest.newBuilder(URI.create(base + "/admin/stats")))));
    }

    private List<JsonObject> list(String path, String field) {
        return read(ok(send(HttpRequest.newBuilder(URI.create(base + path))))).getJsonArray(field).stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonObject read(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the messaging simulator at " + base + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("messaging simulator answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
