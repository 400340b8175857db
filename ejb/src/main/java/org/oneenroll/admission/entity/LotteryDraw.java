package org.oneenroll.admission.entity;

import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of a verifiable lottery over the children of one input: each child's 64-bit number and its
 * position in the draw order (ascending number; equal numbers by child reference). Position 1 is drawn first
 * and wins every tie.
 */
public final class LotteryDraw {

    private final AdmissionInput input;
    private final LotterySeed seed;
    private final long[] numbers;
    private final int[] position;
    private final int[] childAt;

    private LotteryDraw(AdmissionInput input, LotterySeed seed, long[] numbers) {
        this.input = input;
        this.seed = seed;
        this.numbers = numbers;
        this.childAt = drawOrder(numbers);
        this.position = new int[numbers.length];
        for (int p = 0; p < childAt.length; p++) {
            position[childAt[p]] = p;
        }
    }

    /** Records the numbers drawn for the children of {@code input}, indexed like its children. */
    public static LotteryDraw of(AdmissionInput input, LotterySeed seed, long[] numbers) {
        if (numbers.length != input.childCount()) {
            throw new IllegalArgumentException(numbers.length + " numbers for " + input.childCount() + " children");
        }
        return new LotteryDraw(input, Objects.requireNonNull(seed, "seed"), numbers.clone());
    }

    /**
     * Indexes in draw order: ascending unsigned number, equal numbers by index (callers index in reference
     * order). Sorts packed longs rather than boxed indexes: a million children take a few tens of milliseconds.
     */
    public static int[] drawOrder(long[] numbers) {
        int n = numbers.length;
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
        long indexMask = (1L << indexBits) - 1;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((numbers[i] >>> indexBits << indexBits) | i) ^ Long.MIN_VALUE;
        }
        Arrays.sort(packed);
        int[] order = new int[n];
        for (int p = 0; p < n; p++) {
            order[p] = (int) ((packed[p] ^ Long.MIN_VALUE) & indexMask);
        }
        // Only the high bits were compared; children whose numbers share them are ordered again in full.
        int runStart = 0;
        for (int p = 1; p <= n; p++) {
            if (p == n || (numbers[order[p]] >>> indexBits) != (numbers[order[runStart]] >>> indexBits)) {
                for (int a = runStart + 1; a < p; a++) {
                    int child = order[a];
                    int b = a - 1;
                    while (b >= runStart && before(numbers, child, order[b])) {
                        order[b + 1] = order[b];
                        b--;
                    }
                    order[b + 1] = child;
                }
                runStart = p;
            }
        }
        return order;
    }

    private static boolean before(long[] numbers, int child, int other) {
        int byNumber = Long.compareUnsigned(numbers[child], numbers[other]);
        return byNumber < 0 || byNumber == 0 && child < other;
    }

    public LotterySeed seed() {
        return seed;
    }

    public int childCount() {
        return numbers.length;
    }

    /** True when this draw was made for the same children, e.g. the base of a what-if. */
    public boolean drawnFor(AdmissionInput other) {
        return input.sameChildren(other);
    }

    public long number(int child) {
        return numbers[child];
    }

    public String numberHex(int child) {
        return String.format("%016x", numbers[child]);
    }

    /** The child's position in the draw order, from 1. */
    public int position(int child) {
        return position[child] + 1;
    }

    /** The child drawn at a position, from 1. */
    public int childAt(int position) {
        return childAt[position - 1];
    }
}
