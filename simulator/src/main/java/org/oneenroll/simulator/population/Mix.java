package org.oneenroll.simulator.population;

import java.util.SplittableRandom;

/** Seed mixing (SplitMix64 finaliser), so that every (seed, index, purpose) gets an independent random stream. */
final class Mix {

    private Mix() {}

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long of(long seed, long index, long purpose) {
        return mix64(mix64(seed ^ 0x6A09E667F3BCC909L) + mix64(index + 0x3C6EF372FE94F82BL) * 31 + purpose);
    }

    static long of(long seed, String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return mix64(seed ^ mix64(h));
    }

    static SplittableRandom random(long seed, long index, long purpose) {
        return new SplittableRandom(of(seed, index, purpose));
    }
}
