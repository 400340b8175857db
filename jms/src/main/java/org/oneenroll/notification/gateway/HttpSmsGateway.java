package org.oneenroll.notification.gateway;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * SMS through an HTTP provider: {@code POST /api/v1/sms} with the app key, the number, the text and the
 * idempotency key (providers return the first message's id for a key they have seen). 429 is throttling; a
 * {@code Retry-After} in seconds is honoured.
 */
public final class HttpSmsGateway implements SmsGateway {

    private final URI endpoint;
    private final String appKey;
    private final Duration timeout;
    private final HttpClient http;

    public HttpSmsGateway(GatewaySettings settings) {
        this.endpoint = settings.httpUrl().resolve("/api/v1/sms");
        this.appKey = settings.httpAppKey();
        this.timeout = settings.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String send(OutgoingSms sms) throws GatewayException {
        String body = Json.createObjectBuilder()
                .add("to", sms.to())
                .add("text", sms.text())
                .add("key", sms.key())
                .build()
                .toString();
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(timeout)
                            .header("Content-Type", "application/json")
                            .header("X-App-Key", appKey)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw GatewayException.failed("the SMS provider did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw GatewayException.failed("the SMS provider is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GatewayException.failed("interrupted", e);
        }
        int status = response.statusCode();
        if (status == 429) {
            long seconds = response.headers()
                    .firstValue("Retry-After")
                    .map(HttpSmsGateway::seconds)
                    .orElse(1L);
            throw GatewayException.throttled("the SMS provider throttled", Duration.ofSeconds(Math.max(1, seconds)));
        }
        if (status != 200) {
            throw GatewayException.failed(
                    "the SMS provider answered " + status + " " + errorCode(response.body()), null);
        }
        try {
            JsonObject json =
                    Json.createReader(new StringReader(response.body())).readObject();
            return json.getString("messageId");
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw GatewayException.failed("the SMS provider's answer has no messageId", e);
        }
    }

    private static long seconds(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * The machine-readable error code of an error answer ({@code {"code": "..."}}), never its free text: providers
     * quote the number or the text back, which must not reach logs or the staff screen.
     */
    static String errorCode(String body) {
        try {
            String code = Json.createReader(new StringReader(body == null ? "" : body))
                    .readObject()
                    .getString("code", "");
            return code.matches("[A-Za-z0-9_.-]{1,40}") ? code : "";
        } catch (RuntimeException notJson) {
            return "";
        }
    }
}
