package org.oneenroll.simulator.messaging;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the provincial platform behaves: the "down" switch (503) and the share of case feedback answered 500.
 * Immutable; {@link #merge} applies a partial JSON update ({@code PUT /admin/faults} {@code "provincial"}).
 *
 * @param down      every case feedback answered 503 and not stored
 * @param errorRate share of new case feedback answered 500 and not stored
 */
public record ProvincialSettings(boolean down, double errorRate) {

    /** Up, no errors. */
    public static final ProvincialSettings DEFAULT = new ProvincialSettings(false, 0);

    public ProvincialSettings {
        SmscSettings.check(errorRate >= 0 && errorRate <= 1, "errorRate must be in [0, 1]: " + errorRate);
    }

    public ProvincialSettings withDown(boolean isDown) {
        return new ProvincialSettings(isDown, errorRate);
    }

    public ProvincialSettings withErrorRate(double rate) {
        return new ProvincialSettings(down, rate);
    }

    /** These settings with the keys present in {@code patch} replaced; unknown keys and wrong types are refused. */
    public ProvincialSettings merge(JsonObject patch) {
        ProvincialSettings s = this;
        for (Map.Entry<String, JsonValue> e : patch.entrySet()) {
            String key = e.getKey();
            s = switch (key) {
                case "down" -> s.withDown(SmscSettings.flag("provincial", key, e.getValue()));
                case "errorRate" -> s.withErrorRate(SmscSettings.rate("provincial", key, e.getValue()));
                default -> throw new IllegalArgumentException(
                        "unknown provincial setting '" + key + "'; known: down, errorRate");
            };
        }
        return s;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("down", down);
        m.put("errorRate", errorRate);
        return m;
    }
}
