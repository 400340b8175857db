package org.oneenroll.simulator.population;

/**
 * A keyed bijection on {@code [0, domain)} (a four-round Feistel network with cycle walking). Mapping family
 * indices through it spreads birth dates and sequence numbers pseudo-randomly yet without two families ever
 * getting the same slot, and it can be inverted to find the family behind a slot.
 */
final class SlotPermutation {

    private static final int ROUNDS = 4;

    private final long domain;
    private final int halfBits;
    private final long mask;
    private final long[] keys = new long[ROUNDS];

    SlotPermutation(long domain, long key) {
        if (domain < 1) {
            throw new IllegalArgumentException("domain " + domain);
        }
        this.domain = domain;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(domain - 1));
        this.halfBits = (bits + 1) / 2;
        this.mask = (1L << halfBits) - 1;
        long k = key;
        for (int i = 0; i < ROUNDS; i++) {
            k = Mix.mix64(k + 0x9E3779B97F4A7C15L);
            keys[i] = k;
        }
    }

    long domain() {
        return domain;
    }

    long apply(long x) {
        check(x);
        long y = x;
        do {
            y = encrypt(y);
        } while (y >= domain);
        return y;
    }

    long invert(long y) {
        check(y);
        long x = y;
        do {
            x = decrypt(x);
        } while (x >= domain);
        return x;
    }

    private void check(long x) {
        if (x < 0 || x >= domain) {
            throw new IllegalArgumentException(x + " outside [0," + domain + ")");
        }
    }

    private long encrypt(long x) {
        long left = x >>> halfBits;
        long right = x & mask;
        for (int i = 0; i < ROUNDS; i++) {
            long next = left ^ (Mix.mix64(right ^ keys[i]) & mask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }

    private long decrypt(long y) {
        long left = y >>> halfBits;
        long right = y & mask;
        for (int i = ROUNDS - 1; i >= 0; i--) {
            long previous = right ^ (Mix.mix64(left ^ keys[i]) & mask);
            right = left;
            left = previous;
        }
        return (left << halfBits) | right;
    }
}
