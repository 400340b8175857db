package org.oneenroll.simulator.messaging;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/**
 * The simulator's live switches: the SMSC's and the provincial platform's settings, changeable at runtime, and the
 * draws that decide which submission fails, which message is undeliverable and which case feedback errs. With a
 * seed each of the three draws from its own stream, so the same sequence of requests meets the same faults.
 */
public final class MessagingFaults {

    private final SmscSettings baselineSmsc;
    private final ProvincialSettings baselineProvincial;
    private final Long baselineSeed;
    private final List<BiConsumer<SmscSettings, SmscSettings>> smscListeners = new CopyOnWriteArrayList<>();
    private volatile SmscSettings smsc;
    private volatile ProvincialSettings provincial;
    private volatile Long seed;
    // the draws: guarded by this, null when unseeded
    private SplittableRandom failures;
    private SplittableRandom undeliverable;
    private SplittableRandom feedbackErrors;

    /** Starts from these settings and seed ({@code null}: unseeded), which {@link #reset} returns to. */
    public MessagingFaults(SmscSettings smsc, ProvincialSettings provincial, Long seed) {
        this.baselineSmsc = smsc;
        this.baselineProvincial = provincial;
        this.baselineSeed = seed;
        this.smsc = smsc;
        this.provincial = provincial;
        reseed(seed);
    }

    public SmscSettings smsc() {
        return smsc;
    }

    public ProvincialSettings provincial() {
        return provincial;
    }

    public Long seed() {
        return seed;
    }

    /** Replaces the SMSC settings; switching {@code down} on drops every SMPP session before this returns. */
    public void setSmsc(SmscSettings next) {
        SmscSettings before;
        synchronized (this) {
            before = smsc;
            smsc = next;
        }
        fire(before, next);
    }

    public synchronized void setProvincial(ProvincialSettings next) {
        provincial = next;
    }

    /**
     * Applies a partial update {@code {"seed": 7, "smsc": {...}, "provincial": {...}}}: only the keys named change.
     * Everything is checked before anything changes, so a refused update (unknown key, wrong type, value out of
     * range) leaves the settings as they were. A new seed restarts the draws.
     *
     * @return the resulting settings, as {@link #describe()}
     * @throws IllegalArgumentException naming what was wrong
     */
    public Map<String, Object> update(JsonObject patch) {
        SmscSettings before;
        SmscSettings nextSmsc;
        synchronized (this) {
            before = smsc;
            nextSmsc = smsc;
            ProvincialSettings nextProvincial = provincial;
            boolean seedGiven = false;
            Long nextSeed = seed;
            for (Map.Entry<String, JsonValue> e : patch.entrySet()) {
                switch (e.getKey()) {
                    case "smsc" -> nextSmsc = nextSmsc.merge(object("smsc", e.getValue()));
                    case "provincial" -> nextProvincial = nextProvincial.merge(object("provincial", e.getValue()));
                    case "seed" -> {
                        seedGiven = true;
                        nextSeed = seedOf(e.getValue());
                    }
                    default -> throw new IllegalArgumentException(
                            "unknown fault group '" + e.getKey() + "'; known: smsc, provincial, seed");
                }
            }
            smsc = nextSmsc;
            provincial = nextProvincial;
            if (seedGiven) {
                reseed(nextSeed);
            }
        }
        fire(before, nextSmsc);
        return describe();
    }

    /** Back to the start-up settings and seed, draws restarted. */
    public void reset() {
        SmscSettings before;
        synchronized (this) {
            before = smsc;
            smsc = baselineSmsc;
            provincial = baselineProvincial;
            reseed(baselineSeed);
        }
        fire(before, baselineSmsc);
    }

    /** The settings as {@code GET /admin/faults} shows them. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("smsc", smsc.toMap());
        m.put("provincial", provincial.toMap());
        return m;
    }

    /** Called with the settings before and after every change, outside the lock. */
    void onSmscChange(BiConsumer<SmscSettings, SmscSettings> listener) {
        smscListeners.add(listener);
    }

    synchronized boolean drawFailure() {
        return draw(failures) < smsc.failRate();
    }

    synchronized boolean drawUndeliverable() {
        return draw(undeliverable) < smsc.undeliverableRate();
    }

    synchronized boolean drawFeedbackError() {
        return draw(feedbackErrors) < provincial.errorRate();
    }

    private static double draw(SplittableRandom stream) {
        return stream == null ? ThreadLocalRandom.current().nextDouble() : stream.nextDouble();
    }

    private void reseed(Long s) {
        seed = s;
        if (s == null) {
            failures = null;
            undeliverable = null;
            feedbackErrors = null;
        } else {
            SplittableRandom root = new SplittableRandom(s);
            failures = root.split();
            undeliverable = root.split();
            feedbackErrors = root.split();
        }
    }

    private void fire(SmscSettings before, SmscSettings after) {
        if (!before.equals(after)) {
            smscListeners.forEach(l -> l.accept(before, after));
        }
    }

    private static JsonObject object(String group, JsonValue v) {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new IllegalArgumentException("'" + group + "' must be a JSON object of settings: " + v);
    }

    private static Long seedOf(JsonValue v) {
        if (v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("seed must fit in 64 bits: " + v);
            }
        }
        throw new IllegalArgumentException("seed must be a whole number or null: " + v);
    }
}
