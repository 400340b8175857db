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
 * What every simulator's admin side offers tests (docs/simulator.md): {@code /health}, {@code POST /admin/reset},
 * {@code PUT /admin/faults}, and JSON lists to read.
 */
abstract class SimulatorAdmin {

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SimulatorAdmin(String base) {
        this.base = base;
    }

    public void awaitUp() {
        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(() -> send(HttpRequest.newBuilder(URI.create(base + "/health")))
                                .statusCode()
                        == 200);
    }

    /** Start-up faults, empty logs and stores. */
    public void reset() {
        ok(send(HttpRequest.newBuilder(URI.create(base + "/admin/reset")).POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** Changes fault settings (a partial update, as the simulator documents it). */
    public void faults(String json) {
        ok(send(HttpRequest.newBuilder(URI.create(base + "/admin/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))));
    }

    JsonObject get(String path) {
        return Json.createReader(new StringReader(ok(send(HttpRequest.newBuilder(URI.create(base + path))))
                        .body()))
                .readObject();
    }

    List<JsonObject> list(String path, String field) {
        return get(path).getJsonArray(field).stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the simulator at " + base + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("simulator answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
