package org.oneenroll.admission.control;

/**
 * The children each school holds during deferred acceptance, as one max-heap of priority keys per school
 * laid out in a single array: the worst held child is at the top, ready to be displaced.
 */
final class SeatHeaps {

    static final long ACCEPTED = -1;
    static final long REJECTED = -2;

    private final long[] keys;
    private final int[] base;
    private final int[] size;
    private final int[] capacity;

    SeatHeaps(int[] capacity) {
        this.capacity = capacity.clone();
        this.base = new int[capacity.length];
        this.size = new int[capacity.length];
        int total = 0;
        for (int s = 0; s < capacity.length; s++) {
            base[s] = total;
            total += capacity[s];
        }
        this.keys = new long[total];
    }

    /**
     * A child proposes with its key (lower is better, keys are unique): returns {@link #ACCEPTED} when a seat
     * was free, {@link #REJECTED} when the school keeps its children, or the key of the child displaced.
     */
    long offer(int school, long key) {
        int cap = capacity[school];
        if (cap == 0) {
            return REJECTED;
        }
        int b = base[school];
        int n = size[school];
        if (n < cap) {
            int i = n;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                long up = keys[b + parent];
                if (up > key) {
                    break;
                }
                keys[b + i] = up;
                i = parent;
            }
            keys[b + i] = key;
            size[school] = n + 1;
            return ACCEPTED;
        }
        long worst = keys[b];
        if (key > worst) {
            return REJECTED;
        }
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            long pick = keys[b + child];
            if (child + 1 < n && keys[b + child + 1] > pick) {
                child++;
                pick = keys[b + child];
            }
            if (pick < key) {
                break;
            }
            keys[b + i] = pick;
            i = child;
        }
        keys[b + i] = key;
        return worst;
    }

    int size(int school) {
        return size[school];
    }

    boolean full(int school) {
        return capacity[school] > 0 && size[school] == capacity[school];
    }

    /** The key of the worst child held; only meaningful when the school holds someone. */
    long worst(int school) {
        return keys[base[school]];
    }
}
