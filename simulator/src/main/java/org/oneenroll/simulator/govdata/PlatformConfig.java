package org.oneenroll.simulator.govdata;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's configuration: app keys (key to caller), per-source fault settings and seed, worker threads, the
 * query log and the shutdown grace. Read from a JSON file ({@code serve --config}); every key is optional.
 *
 * @param appKeys        app key to caller name; a query with any other key is refused with 401
 * @param faults         each source's settings at start and after {@code POST /admin/reset}
 * @param faultSeed      seed of the latency and fault draws, {@code null} for unseeded
 * @param threads        HTTP worker threads (answers wait on a timer, not on a worker)
 * @param logCapacity    query-log entries kept in memory
 * @param queryLogFile   rotating NDJSON query log, or {@code null}
 * @param queryLogStdout whether each query is also printed as an NDJSON line on standard output
 * @param shutdownGrace  how long a stop waits for answers already under way
 */
public record PlatformConfig(
        Map<String, String> appKeys,
        Map<Source, FaultSettings> faults,
        Long faultSeed,
        int threads,
        int logCapacity,
        Path queryLogFile,
        boolean queryLogStdout,
        Duration shutdownGrace) {

    public static final String DEMO_KEY = "oneenroll-demo-key";
    public static final String DEMO_CALLER = "oneenroll";

    public PlatformConfig {
        appKeys = Map.copyOf(appKeys);
        faults = Map.copyOf(faults);
        if (appKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one app key is needed");
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be in [1, 256]: " + threads);
        }
        if (logCapacity < 1) {
            throw new IllegalArgumentException("queryLog.capacity must be at least 1: " + logCapacity);
        }
        if (shutdownGrace.isNegative() || shutdownGrace.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("shutdownGraceMs must be in [0, 60000]");
        }
    }

    /** The demo key for caller "oneenroll", {@link FaultSettings#DEFAULT} everywhere, unseeded, lines on stdout. */
    public static PlatformConfig defaults() {
        Map<Source, FaultSettings> faults = new EnumMap<>(Source.class);
        for (Source s : Source.values()) {
            faults.put(s, FaultSettings.DEFAULT);
        }
        return new PlatformConfig(
                Map.of(DEMO_KEY, DEMO_CALLER), faults, null, 8, 100_000, null, true, Duration.ofSeconds(5));
    }

    /** The defaults changed by a JSON document; unknown keys are refused so a typo is not silently ignored. */
    public static PlatformConfig fromJson(String json) {
        JsonObject o;
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            o = r.readObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException("config is not a JSON object: " + e.getMessage(), e);
        }
        PlatformConfig c = defaults();
        Map<String, String> keys = c.appKeys;
        Map<Source, FaultSettings> faults = c.faults;
        Long seed = c.faultSeed;
        int threads = c.threads;
        int capacity = c.logCapacity;
        Path file = c.queryLogFile;
        boolean stdout = c.queryLogStdout;
        Duration grace = c.shutdownGrace;
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            JsonValue v = e.getValue();
            switch (e.getKey()) {
                case "appKeys" -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    object(v, "appKeys").forEach((k, caller) -> m.put(k, string(caller, "appKeys." + k)));
                    keys = m;
                }
                case "faults" -> {
                    JsonObject f = object(v, "faults");
                    faults = FaultPlan.apply(faults, f);
                    if (f.containsKey("seed")) {
                        seed = f.get("seed") == JsonValue.NULL ? null : FaultPlan.seedOf(f.get("seed"));
                    }
                }
                case "threads" -> threads = whole(v, "threads");
                case "shutdownGraceMs" -> grace = Duration.ofMillis(whole(v, "shutdownGraceMs"));
                case "queryLog" -> {
                    for (Map.Entry<String, JsonValue> q : object(v, "queryLog").entrySet()) {
                        switch (q.getKey()) {
                            case "capacity" -> capacity = whole(q.getValue(), "queryLog.capacity");
                            case "file" -> file = q.getValue() == JsonValue.NULL
                                    ? null
                                    : Path.of(string(q.getValue(), "queryLog.file"));
                            case "stdout" -> stdout = bool(q.getValue(), "queryLog.stdout");
                            default -> throw new IllegalArgumentException(
                                    "unknown key queryLog." + q.getKey() + "; known: capacity, file, stdout");
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown config key '" + e.getKey()
                        + "'; known: appKeys, faults, threads, queryLog, shutdownGraceMs");
            }
        }
        return new PlatformConfig(keys, faults, seed, threads, capacity, file, stdout, grace);
    }

    public PlatformConfig withFaultSeed(Long seed) {
        return new PlatformConfig(
                appKeys, faults, seed, threads, logCapacity, queryLogFile, queryLogStdout, shutdownGrace);
    }

    /** These settings with a patch of the {@code PUT /admin/faults} shape applied (its seed included). */
    public PlatformConfig withFaults(String patchJson) {
        JsonObject patch;
        try (JsonReader r = Json.createReader(new StringReader(patchJson))) {
            patch = r.readObject();
        }
        Long seed = patch.containsKey("seed")
                ? (patch.get("seed") == JsonValue.NULL ? null : FaultPlan.seedOf(patch.get("seed")))
                : faultSeed;
        return new PlatformConfig(
                appKeys,
                FaultPlan.apply(faults, patch),
                seed,
                threads,
                logCapacity,
                queryLogFile,
                queryLogStdout,
                shutdownGrace);
    }

    public PlatformConfig withQueryLog(Path file, boolean stdout) {
        return new PlatformConfig(appKeys, faults, faultSeed, threads, logCapacity, file, stdout, shutdownGrace);
    }

    public PlatformConfig withAppKey(String key, String caller) {
        Map<String, String> m = new LinkedHashMap<>(appKeys);
        m.put(key, caller);
        return new PlatformConfig(
                m, faults, faultSeed, threads, logCapacity, queryLogFile, queryLogStdout, shutdownGrace);
    }

    private static JsonObject object(JsonValue v, String what) {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new IllegalArgumentException("'" + what + "' must be an object");
    }

    private static String string(JsonValue v, String what) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new IllegalArgumentException("'" + what + "' must be a string");
    }

    private static int whole(JsonValue v, String what) {
        if (v instanceof JsonNumber n && n.isIntegral()) {
            return n.intValue();
        }
        throw new IllegalArgumentException("'" + what + "' must be a whole number");
    }

    private static boolean bool(JsonValue v, String what) {
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        throw new IllegalArgumentException("'" + what + "' must be true or false");
    }
}
