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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The simulated government data platform's admin side, for tests: wait for it, switch faults, read what was
 * asked (the platform logs each query by a SHA-256 hash of the identity number, docs/simulator.md).
 */
public final class Simulator {

    private final String base = System.getProperty("oneenroll.govdata.url");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public void awaitUp() {
        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(() -> send(HttpRequest.newBuilder(URI.create(base + "/health")))
                                .statusCode()
                        == 200);
    }

    /** Start-up faults, empty log. */
    public void reset() {
        expectOk(send(
                HttpRequest.newBuilder(URI.create(base + "/admin/reset")).POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** Changes fault settings, e.g. {@code {"sources": {"hukou": {"errorRate": 1}}}}. */
    public void faults(String json) {
        expectOk(send(HttpRequest.newBuilder(URI.create(base + "/admin/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))));
    }

    /** What the platform was asked about the person with this identity number, oldest first. */
    public List<JsonObject> queriesAbout(String idNumber) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base
                + "/admin/queries?limit=1000&idHash=" + URLEncoder.encode(hash(idNumber), StandardCharsets.UTF_8))));
        expectOk(response);
        return Json.createReader(new StringReader(response.body())).readObject().getJsonArray("queries").stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    static String hash(String idNumber) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(idNumber.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the simulated platform at " + base + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("simulator answered " + response.statusCode() + ": " + response.body());
        }
    }
}
