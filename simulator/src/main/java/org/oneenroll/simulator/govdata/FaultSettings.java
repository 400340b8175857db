package org.oneenroll.simulator.govdata;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one source behaves: a log-normal latency (median, spread, cap), a concurrency cap above which it answers
 * "busy", and the shares of queries that fail with a 500, hang past the caller's timeout or come back as broken
 * JSON. Immutable; {@link #merge} applies a partial JSON update, the same shape in the config file and in
 * {@code PUT /admin/faults}.
 *
 * @param medianMs      median latency in milliseconds (log-normal: half the answers are faster)
 * @param sigma         log-normal shape; 0 gives a constant latency, 0.5 puts p99 at about 3.2 × the median
 * @param maxMs         latency cap, the long tail's end
 * @param concurrency   queries the source works on at once; one more is answered 503 BUSY at once
 * @param errorRate     share answered 500 INTERNAL_ERROR (after the latency)
 * @param timeoutRate   share held for {@code hangMs} and then answered 504, so the caller's own timeout fires
 * @param malformedRate share answered 200 with a truncated JSON body (after the latency)
 * @param hangMs        how long a "timeout" query is held
 */
public record FaultSettings(
        long medianMs,
        double sigma,
        long maxMs,
        int concurrency,
        double errorRate,
        double timeoutRate,
        double malformedRate,
        long hangMs) {

    /** Median 200 ms with a long tail (p99 about 640 ms, capped at 5 s), 50 at once, no faults. */
    public static final FaultSettings DEFAULT = new FaultSettings(200, 0.5, 5000, 50, 0, 0, 0, 30_000);

    /** Hangs are bounded: no simulated timeout holds a connection longer than this. */
    static final long MAX_HANG_MS = 600_000;

    public FaultSettings {
        check(medianMs >= 0 && medianMs <= MAX_HANG_MS, "medianMs must be in [0, 600000]: " + medianMs);
        check(sigma >= 0 && sigma <= 3, "sigma must be in [0, 3]: " + sigma);
        check(maxMs >= medianMs && maxMs <= MAX_HANG_MS, "maxMs must be in [medianMs, 600000]: " + maxMs);
        check(concurrency >= 1 && concurrency <= 100_000, "concurrency must be in [1, 100000]: " + concurrency);
        check(rate(errorRate) && rate(timeoutRate) && rate(malformedRate), "rates must be in [0, 1]");
        check(
                errorRate + timeoutRate + malformedRate <= 1 + 1e-9,
                "errorRate + timeoutRate + malformedRate must not exceed 1");
        check(hangMs >= 0 && hangMs <= MAX_HANG_MS, "hangMs must be in [0, 600000]: " + hangMs);
    }

    /** These settings with the keys present in {@code patch} replaced; unknown keys are refused, typos included. */
    public FaultSettings merge(JsonObject patch) {
        long median = medianMs;
        double spread = sigma;
        long max = maxMs;
        int cap = concurrency;
        double errors = errorRate;
        double timeouts = timeoutRate;
        double malformed = malformedRate;
        long hang = hangMs;
        boolean maxGiven = false;
        for (Map.Entry<String, JsonValue> e : patch.entrySet()) {
            JsonNumber n = number(e.getKey(), e.getValue());
            if (!e.getKey().endsWith("Rate") && !e.getKey().equals("sigma") && !n.isIntegral()) {
                throw new IllegalArgumentException("fault setting '" + e.getKey() + "' must be a whole number: " + n);
            }
            switch (e.getKey()) {
                case "medianMs" -> median = n.longValue();
                case "sigma" -> spread = n.doubleValue();
                case "maxMs" -> {
                    max = n.longValue();
                    maxGiven = true;
                }
                case "concurrency" -> cap = (int) Math.max(0, Math.min(Integer.MAX_VALUE, n.longValue()));
                case "errorRate" -> errors = n.doubleValue();
                case "timeoutRate" -> timeouts = n.doubleValue();
                case "malformedRate" -> malformed = n.doubleValue();
                case "hangMs" -> hang = n.longValue();
                default -> throw new IllegalArgumentException("unknown fault setting '" + e.getKey()
                        + "'; known: medianMs, sigma, maxMs, concurrency, errorRate, timeoutRate, malformedRate, "
                        + "hangMs");
            }
        }
        if (!maxGiven && max < median) {
            // raising the median alone should not be refused for the old cap: keep the cap's ratio instead
            max = Math.min(MAX_HANG_MS, median * Math.max(1, maxMs / Math.max(1, medianMs)));
        }
        return new FaultSettings(median, spread, max, cap, errors, timeouts, malformed, hang);
    }

    /** The settings as JSON properties, in declaration order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("medianMs", medianMs);
        m.put("sigma", sigma);
        m.put("maxMs", maxMs);
        m.put("concurrency", concurrency);
        m.put("errorRate", errorRate);
        m.put("timeoutRate", timeoutRate);
        m.put("malformedRate", malformedRate);
        m.put("hangMs", hangMs);
        return m;
    }

    private static JsonNumber number(String key, JsonValue value) {
        if (value instanceof JsonNumber n) {
            return n;
        }
        throw new IllegalArgumentException("fault setting '" + key + "' must be a number: " + value);
    }

    private static boolean rate(double r) {
        return r >= 0 && r <= 1;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
