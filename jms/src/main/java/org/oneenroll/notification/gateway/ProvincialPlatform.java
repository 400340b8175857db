package org.oneenroll.notification.gateway;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/**
 * The provincial integrated service platform's case-feedback endpoint (办件回传): {@code POST
 * /api/v1/case-feedback} with the app key and the item's idempotency key ({@code caseNumber:sequence}), so a
 * feedback sent again is recognised there and stored once.
 */
public final class ProvincialPlatform {

    /** Why a feedback was not taken: {@code permanent} when sending it again cannot help (the platform refuses it). */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean permanent;

        Refused(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    private final URI endpoint;
    private final String appKey;
    private final Duration timeout;
    private final HttpClient http;

    public ProvincialPlatform(GatewaySettings settings) {
        this.endpoint = settings.provincialUrl().resolve("/api/v1/case-feedback");
        this.appKey = settings.provincialAppKey();
        this.timeout = settings.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public void send(String key, String caseNumber, int sequence, String status, Instant occurredAt, String detail)
            throws Refused {
        var body = Json.createObjectBuilder()
                .add("caseNumber", caseNumber)
                .add("sequence", sequence)
                .add("status", status)
                .add("occurredAt", occurredAt.toString());
        if (detail != null) {
            body.add("detail", detail);
        }
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(timeout)
                            .header("Content-Type", "application/json")
                            .header("X-App-Key", appKey)
                            .header("Idempotency-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    body.build().toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Refused("the provincial platform did not answer within " + timeout.toMillis() + " ms", false, e);
        } catch (IOException e) {
            throw new Refused("the provincial platform is unreachable: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted", false, e);
        }
        int code = response.statusCode();
        if (code == 200 || code == 201) {
            return;
        }
        boolean permanent = code == 400 || code == 422;
        throw new Refused(
                "the provincial platform answered " + code + " " + HttpSmsGateway.errorCode(response.body()),
                permanent,
                null);
    }
}
