package org.oneenroll.simulator.messaging;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the SMSC and the HTTP SMS provider behave: one throttle and one failure share for both channels, the delay
 * until a message is delivered, the share that never reaches the handset, and the "down" switch. Immutable;
 * {@link #merge} applies a partial JSON update ({@code PUT /admin/faults} {@code "smsc"}).
 *
 * @param throttlePerSecond accepted submissions allowed in any one second (sliding window); 0 for no limit
 * @param failRate          share of submissions answered ESME_RSYSERR / HTTP 500 and not recorded
 * @param receiptDelayMs    from acceptance to delivery (and to the delivery receipt)
 * @param undeliverableRate share of accepted messages that end UNDELIVERABLE (receipt stat:UNDELIV)
 * @param down              binds refused, sessions dropped, HTTP answers 503
 */
public record SmscSettings(
        int throttlePerSecond, double failRate, long receiptDelayMs, double undeliverableRate, boolean down) {

    /** 200 per second, no failures, receipts after 200 ms, everything delivered, up. */
    public static final SmscSettings DEFAULT = new SmscSettings(200, 0, 200, 0, false);

    static final int MAX_THROTTLE = 1_000_000;
    static final long MAX_DELAY_MS = 600_000;

    public SmscSettings {
        check(
                throttlePerSecond >= 0 && throttlePerSecond <= MAX_THROTTLE,
                "throttlePerSecond must be in [0, 1000000] (0: no limit): " + throttlePerSecond);
        check(failRate >= 0 && failRate <= 1, "failRate must be in [0, 1]: " + failRate);
        check(
                receiptDelayMs >= 0 && receiptDelayMs <= MAX_DELAY_MS,
                "receiptDelayMs must be in [0, 600000]: " + receiptDelayMs);
        check(
                undeliverableRate >= 0 && undeliverableRate <= 1,
                "undeliverableRate must be in [0, 1]: " + undeliverableRate);
    }

    public SmscSettings withThrottlePerSecond(int perSecond) {
        return new SmscSettings(perSecond, failRate, receiptDelayMs, undeliverableRate, down);
    }

    public SmscSettings withFailRate(double rate) {
        return new SmscSettings(throttlePerSecond, rate, receiptDelayMs, undeliverableRate, down);
    }

    public SmscSettings withReceiptDelayMs(long delayMs) {
        return new SmscSettings(throttlePerSecond, failRate, delayMs, undeliverableRate, down);
    }

    public SmscSettings withUndeliverableRate(double rate) {
        return new SmscSettings(throttlePerSecond, failRate, receiptDelayMs, rate, down);
    }

    public SmscSettings withDown(boolean isDown) {
        return new SmscSettings(throttlePerSecond, failRate, receiptDelayMs, undeliverableRate, isDown);
    }

    /** These settings with the keys present in {@code patch} replaced; unknown keys and wrong types are refused. */
    public SmscSettings merge(JsonObject patch) {
        SmscSettings s = this;
        for (Map.Entry<String, JsonValue> e : patch.entrySet()) {
            String key = e.getKey();
            JsonValue v = e.getValue();
            s = switch (key) {
                case "throttlePerSecond" -> s.withThrottlePerSecond(
                        (int) Math.max(-1, Math.min(Integer.MAX_VALUE, whole("smsc", key, v))));
                case "failRate" -> s.withFailRate(rate("smsc", key, v));
                case "receiptDelayMs" -> s.withReceiptDelayMs(whole("smsc", key, v));
                case "undeliverableRate" -> s.withUndeliverableRate(rate("smsc", key, v));
                case "down" -> s.withDown(flag("smsc", key, v));
                default -> throw new IllegalArgumentException("unknown smsc setting '" + key
                        + "'; known: throttlePerSecond, failRate, receiptDelayMs, undeliverableRate, down");
            };
        }
        return s;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("throttlePerSecond", throttlePerSecond);
        m.put("failRate", failRate);
        m.put("receiptDelayMs", receiptDelayMs);
        m.put("undeliverableRate", undeliverableRate);
        m.put("down", down);
        return m;
    }

    static long whole(String group, String key, JsonValue v) {
        if (v instanceof JsonNumber n && n.isIntegral()) {
            // clamped, so a huge number fails the range check with its own message rather than overflowing
            return n.bigIntegerValue()
                    .max(BigInteger.valueOf(Long.MIN_VALUE))
                    .min(BigInteger.valueOf(Long.MAX_VALUE))
                    .longValue();
        }
        throw new IllegalArgumentException(group + "." + key + " must be a whole number: " + v);
    }

    static double rate(String group, String key, JsonValue v) {
        if (v instanceof JsonNumber n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(group + "." + key + " must be a number in [0, 1]: " + v);
    }

    static boolean flag(String group, String key, JsonValue v) {
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        throw new IllegalArgumentException(group + "." + key + " must be true or false: " + v);
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
