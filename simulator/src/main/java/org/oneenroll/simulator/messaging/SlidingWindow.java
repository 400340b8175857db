package org.oneenroll.simulator.messaging;

import java.util.concurrent.TimeUnit;

/**
 * A throttle over the last second: remembers the times of the last {@code limit} admissions and is full while the
 * oldest of them is less than a second old. Not thread-safe; the {@link SmsCenter} calls it under its
 * lock, so SMPP and HTTP share one window.
 */
final class SlidingWindow {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Admission times, oldest at {@code next} once full. */
    private long[] ring = new long[0];

    private int next;
    private int filled;

    /**
     * Whether {@code limit} events were already admitted in the second before {@code nowNanos}, so one more would
     * exceed it; a limit of 0 is never full.
     */
    boolean full(long nowNanos, int limit) {
        if (limit == 0) {
            return false;
        }
        if (ring.length != limit) {
            resize(limit);
        }
        return filled == limit && nowNanos - ring[next] < SECOND;
    }

    /** Remembers an admission at {@code nowNanos}; with a limit of 0 nothing needs remembering. */
    void admit(long nowNanos, int limit) {
        if (limit == 0) {
            return;
        }
        if (ring.length != limit) {
            resize(limit);
        }
        ring[next] = nowNanos;
        next = (next + 1) % limit;
        filled = Math.min(filled + 1, limit);
    }

    void clear() {
        ring = new long[0];
        next = 0;
        filled = 0;
    }

    /** Keeps the newest admissions that fit, oldest first, so a changed limit applies to the current second. */
    private void resize(int limit) {
        long[] bigger = new long[limit];
        int keep = Math.min(filled, limit);
        for (int i = 0; i < keep; i++) {
            // the i-th of the newest `keep`, counting from the oldest of them
            int from = Math.floorMod(next - keep + i, Math.max(1, ring.length));
            bigger[i] = ring[from];
        }
        ring = bigger;
        filled = keep;
        next = keep % limit;
    }
}
