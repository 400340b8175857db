package org.oneenroll.verification.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.SourceFailure;
import org.oneenroll.verification.entity.SourceOutcome;

/**
 * The platform over HTTP/JSON ({@code POST {base}/api/v1/sources/{slug}/query} with an app key): maps every
 * status and body the platform can send, and every way the network can fail, to an answer. JSON stays here;
 * records leave as plain maps.
 */
public final class HttpGovernmentData implements GovernmentDataPort {

    private final URI base;
    private final String appKey;
    private final HttpClient http;
    private final Clock clock;

    public HttpGovernmentData(URI base, String appKey, Duration connectTimeout, Clock clock) {
        this.base = base;
        this.appKey = appKey;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public SourceAnswer query(
            GovernmentSource source, String idNumber, String purpose, String requestId, Duration timeout) {
        Instant askedAt = clock.instant();
        long started = System.nanoTime();
        String body = Json.createObjectBuilder()
                .add("idNumber", idNumber)
                .add("purpose", purpose)
                .add("requestId", requestId)
                .build()
                .toString();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/sources/" + source.slug() + "/query"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-App-Key", appKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return SourceAnswer.failed(
                    source,
                    SourceFailure.TIMEOUT,
                    requestId,
                    askedAt,
                    since(started),
                    "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return SourceAnswer.failed(
                    source,
                    SourceFailure.UNREACHABLE,
                    requestId,
                    askedAt,
                    since(started),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SourceAnswer.failed(
                    source, SourceFailure.UNREACHABLE, requestId, askedAt, since(started), "interrupted");
        }
        return answer(source, requestId, askedAt, since(started), response.statusCode(), response.body());
    }

    static SourceAnswer answer(
            GovernmentSource source, String requestId, Instant askedAt, Duration latency, int status, String body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            SourceFailure failure = status >= 400 ? failureOf(status) : SourceFailure.MALFORMED;
            return SourceAnswer.failed(
                    source, failure, requestId, askedAt, latency, "HTTP " + status + ", body does not parse");
        }
        long queryId = json.containsKey("queryId") && json.get("queryId") instanceof JsonNumber n ? n.longValue() : 0;
        if (status != 200) {
            String detail = "HTTP " + status + " " + json.getString("code", "") + ": " + json.getString("message", "");
            return new SourceAnswer(
                    source,
                    SourceOutcome.SOURCE_ERROR,
                    failureOf(status),
                    List.of(),
                    queryId,
                    requestId,
                    askedAt,
                    latency,
                    1,
                    detail);
        }
        String outcome = json.getString("outcome", "");
        if (!outcome.equals("FOUND") && !outcome.equals("NO_RECORD")) {
            return SourceAnswer.failed(
                    source,
                    SourceFailure.MALFORMED,
                    requestId,
                    askedAt,
                    latency,
                    "unexpected outcome '" + outcome + "'");
        }
        List<Map<String, Object>> records = new ArrayList<>();
        if (json.get("records") instanceof jakarta.json.JsonArray array) {
            for (JsonValue record : array) {
                if (record instanceof JsonObject o) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) plain(o);
                    records.add(map);
                }
            }
        }
        return new SourceAnswer(
                source,
                outcome.equals("FOUND") ? SourceOutcome.FOUND : SourceOutcome.NO_RECORD,
                null,
                records,
                queryId,
                requestId,
                askedAt,
                latency,
                1,
                null);
    }

    private static SourceFailure failureOf(int status) {
        if (status == 503 || status == 429) {
            return SourceFailure.BUSY;
        }
        if (status == 504) {
            return SourceFailure.TIMEOUT;
        }
        return status >= 500 ? SourceFailure.SERVER_ERROR : SourceFailure.REJECTED;
    }

    /** JSON to plain Java: strings, numbers, booleans, null, lists and maps (insertion order kept). */
    static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral()
                    ? (Object) ((JsonNumber) value).longValue()
                    : ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(v -> list.add(plain(v)));
                yield list;
            }
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
        };
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
