package org.oneenroll.admission.control;

import java.util.Arrays;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.AdmissionPlan;
import org.oneenroll.admission.entity.Allocation;
import org.oneenroll.admission.entity.Applicant;
import org.oneenroll.admission.entity.LotteryDraw;
import org.oneenroll.admission.entity.LotterySeed;
import org.oneenroll.admission.entity.UnplacedReason;
import org.oneenroll.policy.entity.FamilyCategory;

/**
 * Places children in schools: deferred acceptance over each child's choices and zone schools, then reallocation
 * to the nearest seats left. Stable, non-wasteful, and nobody gains by listing schools out of their true order.
 */
public final class AdmissionEngine {

    /*
     * A child's priority at a school is one long, lower is better: bit 62 out-of-zone, bits 58-61 the tier,
     * bits 32-55 the points complement (migrant tier only), bits 0-31 the lottery position. The position is
     * unique, so keys never tie and the child is found again from the key alone.
     */
    static final long OUT_OF_ZONE = 1L << 62;
    static final int TIER_SHIFT = 58;
    static final int POINTS_SHIFT = 32;
    static final long POSITION = 0xFFFF_FFFFL;

    private final Lottery lottery = new Lottery();

    /** Draws the lottery from the ceremony seed and allocates. */
    public Allocation run(AdmissionInput input, LotterySeed seed) {
        return allocate(input, lottery.draw(input, seed));
    }

    public Allocation allocate(AdmissionInput input, LotteryDraw draw) {
        Allocation.Recorder recorder = Allocation.recorder(input, draw);
        AdmissionPlan plan = input.plan();
        int n = input.childCount();
        int[] childAt = new int[n];
        long[] outOfZoneKey = new long[n];
        for (int child = 0; child < n; child++) {
            int position = draw.position(child) - 1;
            childAt[position] = child;
            FamilyCategory category = input.category(child);
            long points = category == FamilyCategory.MIGRANT ? Applicant.MAX_POINTS - input.points(child) : 0;
            outOfZoneKey[child] =
                    OUT_OF_ZONE | (long) plan.tier(category) << TIER_SHIFT | points << POINTS_SHIFT | position;
        }
        int schools = plan.schoolCount();
        int[] seats = new int[schools];
        for (int s = 0; s < schools; s++) {
            seats[s] = plan.seats(s);
        }

        SeatHeaps main = new SeatHeaps(seats);
        int[] cursor = new int[n];
        int[] held = new int[n];
        for (int first = 0; first < n; first++) {
            int child = first;
            while (child >= 0) {
                int length = input.rawListLength(child);
                int p = cursor[child];
                int displaced = -1;
                int at = -1;
                while (p < length) {
                    int s = input.listSchool(child, p++);
                    if (s < 0) {
                        continue;
                    }
                    long answer = main.offer(s, key(plan, input, outOfZoneKey, child, s));
                    if (answer == SeatHeaps.ACCEPTED) {
                        at = s;
                        break;
                    }
                    if (answer != SeatHeaps.REJECTED) {
                        at = s;
                        displaced = childAt[(int) (answer & POSITION)];
                        break;
                    }
                }
                cursor[child] = p;
                held[child] = at;
                child = displaced;
            }
        }

        // Recorded in child order: walking the schools' heaps instead would jump around a million children.
        boolean[] placed = new boolean[n];
        for (int child = 0; child < n; child++) {
            if (held[child] >= 0) {
                placed[child] = true;
                recorder.admit(child, held[child], cursor[child] - 1);
            }
        }
        int[] seatsLeft = new int[schools];
        long totalLeft = 0;
        for (int s = 0; s < schools; s++) {
            if (main.full(s)) {
                recorder.cutoff(s, childAt[(int) (main.worst(s) & POSITION)]);
            }
            seatsLeft[s] = plan.isPrivate(s) ? 0 : seats[s] - main.size(s);
            totalLeft += seatsLeft[s];
        }

        reallocate(input, recorder, outOfZoneKey, childAt, placed, seatsLeft, totalLeft);
        return recorder.finish();
    }

    private static long key(AdmissionPlan plan, AdmissionInput input, long[] outOfZoneKey, int child, int s) {
        long key = outOfZoneKey[child];
        if (plan.isPrivate(s)) {
            return key & POSITION;
        }
        return plan.serves(s, input.homeZone(child)) ? key & ~OUT_OF_ZONE : key;
    }

    /*
     * 调剂: only the seats the main round left are offered, so a child placed by choice is never displaced by a
     * reallocated one. Every school offered is out of the child's zone (her zone schools refused her, so they
     * are full), and children of one zone share one list; every school therefore ranks the children waiting
     * the same way, and deferred acceptance comes down to its serial form: best-ranked child first, each taking
     * the nearest seat left. A pointer per zone skips the schools already full.
     */
    private static void reallocate(
            AdmissionInput input,
            Allocation.Recorder recorder,
            long[] outOfZoneKey,
            int[] childAt,
            boolean[] placed,
            int[] seatsLeft,
            long totalLeft) {
        AdmissionPlan plan = input.plan();
        int n = input.childCount();
        boolean[] zoneNeeded = new boolean[plan.zoneCount()];
        int waiting = 0;
        for (int child = 0; child < n; child++) {
            if (!placed[child] && input.homeZone(child) >= 0) {
                zoneNeeded[input.homeZone(child)] = true;
                waiting++;
            }
        }
        ReallocationLists lists =
                waiting == 0 || totalLeft == 0 ? null : ReallocationLists.build(plan, seatsLeft, zoneNeeded, waiting);
        if (lists != null) {
            long[] queue = new long[waiting];
            int w = 0;
            for (int child = 0; child < n; child++) {
                if (!placed[child] && input.homeZone(child) >= 0) {
                    queue[w++] = outOfZoneKey[child];
                }
            }
            Arrays.sort(queue);
            int[] next = new int[plan.zoneCount()];
            for (long key : queue) {
                int child = childAt[(int) (key & POSITION)];
                int zone = input.homeZone(child);
                int p = next[zone];
                while (p < lists.length(zone) && seatsLeft[lists.school(zone, p)] == 0) {
                    p++;
                }
                next[zone] = p;
                if (p < lists.length(zone)) {
                    int s = lists.school(zone, p);
                    seatsLeft[s]--;
                    placed[child] = true;
                    recorder.reallocate(child, s, lists.hops(zone, p));
                }
            }
        }
        for (int child = 0; child < n; child++) {
            if (!placed[child]) {
                int zone = input.homeZone(child);
                recorder.unplace(
                        child,
                        zone < 0
                                ? UnplacedReason.NO_HOME_ZONE
                                : lists == null
                                        ? UnplacedReason.NO_SEATS_LEFT
                                        : lists.length(zone) == 0
                                                ? UnplacedReason.NONE_WITHIN_REACH
                                                : UnplacedReason.OUTRANKED);
            }
        }
    }
}
