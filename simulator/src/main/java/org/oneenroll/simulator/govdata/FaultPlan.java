package org.oneenroll.simulator.govdata;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * The platform's live behaviour: per-source {@link FaultSettings} (changeable at runtime), the in-flight count held
 * against each concurrency cap, and the draw that gives each query its latency and fault. With a seed every source
 * draws from its own stream, so the same sequence of queries meets the same faults and latencies on every run.
 */
public final class FaultPlan {

    /** What happens to an admitted query. */
    public enum Planned {
        ANSWER,
        ERROR,
        TIMEOUT,
        MALFORMED
    }

    /** One query's fate: what to do and after how long. */
    public record Decision(Planned planned, long delayMs) {}

    private final Map<Source, FaultSettings> baseline;
    private final Long baselineSeed;
    private final AtomicInteger[] inFlight = counters();
    private final AtomicInteger[] peak = counters();
    private volatile Map<Source, FaultSettings> settings;
    private volatile Long seed;
    /** One stream per source, or {@code null} when unseeded; replaced, never re-seeded in place. */
    private volatile SplittableRandom[] streams;

    /** Starts from these settings and seed ({@code null}: unseeded), which {@link #reset} returns to. */
    public FaultPlan(Map<Source, FaultSettings> baseline, Long seed) {
        EnumMap<Source, FaultSettings> copy = new EnumMap<>(Source.class);
        for (Source s : Source.values()) {
            copy.put(s, baseline.getOrDefault(s, FaultSettings.DEFAULT));
        }
        this.baseline = Collections.unmodifiableMap(copy);
        this.baselineSeed = seed;
        reset();
    }

    /**
     * Applies a partial update {@code {"seed": 42, "all": {...}, "sources": {"hukou": {...}}}}: "all" changes the
     * given settings of every source, then "sources" those of one. A new seed restarts the draws.
     */
    public synchronized void update(JsonObject patch) {
        Map<Source, FaultSettings> next = apply(settings, patch);
        if (patch.containsKey("seed")) {
            JsonValue v = patch.get("seed");
            Long s = v == JsonValue.NULL ? null : seedOf(v);
            seed = s;
            streams = streams(s);
        }
        settings = next;
    }

    /** Back to the start: configured settings and seed, draws restarted, peak counts cleared. */
    public synchronized void reset() {
        settings = baseline;
        seed = baselineSeed;
        streams = streams(seed);
        for (AtomicInteger p : peak) {
            p.set(0);
        }
    }

    public FaultSettings settings(Source source) {
        return settings.get(source);
    }

    public Long seed() {
        return seed;
    }

    /** Takes one of the source's slots; {@code false} when the cap is reached, and the query must be turned away. */
    public boolean tryAcquire(Source source) {
        AtomicInteger n = inFlight[source.ordinal()];
        int cap = settings.get(source).concurrency();
        while (true) {
            int now = n.get();
            if (now >= cap) {
                return false;
            }
            if (n.compareAndSet(now, now + 1)) {
                peak[source.ordinal()].accumulateAndGet(now + 1, Math::max);
                return true;
            }
        }
    }

    public void release(Source source) {
        inFlight[source.ordinal()].decrementAndGet();
    }

    public int inFlight(Source source) {
        return inFlight[source.ordinal()].get();
    }

    /** The most queries the source held at once since the last reset. */
    public int peak(Source source) {
        return peak[source.ordinal()].get();
    }

    /** Draws an admitted query's fate: always two draws, so changing a rate never shifts later latencies. */
    public Decision decide(Source source) {
        FaultSettings f = settings.get(source);
        double u;
        double z;
        SplittableRandom[] seeded = streams;
        if (seeded == null) {
            RandomGenerator r = ThreadLocalRandom.current();
            u = r.nextDouble();
            z = r.nextGaussian();
        } else {
            SplittableRandom r = seeded[source.ordinal()];
            synchronized (r) {
                u = r.nextDouble();
                z = r.nextGaussian();
            }
        }
        long latency = latency(f, z);
        if (u < f.errorRate()) {
            return new Decision(Planned.ERROR, latency);
        }
        if (u < f.errorRate() + f.timeoutRate()) {
            return new Decision(Planned.TIMEOUT, f.hangMs());
        }
        if (u < f.errorRate() + f.timeoutRate() + f.malformedRate()) {
            return new Decision(Planned.MALFORMED, latency);
        }
        return new Decision(Planned.ANSWER, latency);
    }

    /** Log-normal latency for a standard normal draw {@code z}: {@code median · e^(σz)}, capped at maxMs. */
    static long latency(FaultSettings f, double z) {
        double ms = f.medianMs() * Math.exp(f.sigma() * z);
        return Math.min(f.maxMs(), Math.max(0, Math.round(ms)));
    }

    /** Settings, live counts and seed as JSON properties for {@code GET /admin/faults}. */
    public synchronized Map<String, Object> describe() {
        Map<String, Object> sources = new LinkedHashMap<>();
        for (Source s : Source.values()) {
            Map<String, Object> m = new LinkedHashMap<>(settings.get(s).toMap());
            m.put("inFlight", inFlight(s));
            m.put("peakInFlight", peak(s));
            sources.put(s.slug(), m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seed", seed);
        out.put("sources", sources);
        return out;
    }

    /** {@code base} with a patch's "all" and "sources" applied; the same shape as the config file's "faults". */
    static Map<Source, FaultSettings> apply(Map<Source, FaultSettings> base, JsonObject patch) {
        EnumMap<Source, FaultSettings> next = new EnumMap<>(base);
        for (String key : patch.keySet()) {
            if (!key.equals("seed") && !key.equals("all") && !key.equals("sources")) {
                throw new IllegalArgumentException("unknown fault key '" + key + "'; known: seed, all, sources");
            }
        }
        if (patch.containsKey("all")) {
            JsonObject all = object(patch.get("all"), "all");
            next.replaceAll((s, f) -> f.merge(all));
        }
        if (patch.containsKey("sources")) {
            for (Map.Entry<String, JsonValue> e :
                    object(patch.get("sources"), "sources").entrySet()) {
                Source s = Source.bySlug(e.getKey())
                        .orElseThrow(() -> new IllegalArgumentException("unknown source '" + e.getKey() + "'"));
                next.put(s, next.get(s).merge(object(e.getValue(), "sources." + e.getKey())));
            }
        }
        return Collections.unmodifiableMap(next);
    }

    static Long seedOf(JsonValue v) {
        if (v instanceof JsonNumber n && n.isIntegral()) {
            return n.longValue();
        }
        throw new IllegalArgumentException("seed must be a whole number or null: " + v);
    }

    private static JsonObject object(JsonValue v, String what) {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new IllegalArgumentException("'" + what + "' must be an object");
    }

    private static SplittableRandom[] streams(Long seed) {
        if (seed == null) {
            return null;
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] out = new SplittableRandom[Source.values().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = root.split();
        }
        return out;
    }

    private static AtomicInteger[] counters() {
        AtomicInteger[] a = new AtomicInteger[Source.values().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = new AtomicInteger();
        }
        return a;
    }
}
