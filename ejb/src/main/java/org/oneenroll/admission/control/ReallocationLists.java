package org.oneenroll.admission.control;

import java.util.Arrays;
import org.oneenroll.admission.entity.AdmissionPlan;

/**
 * For each home zone with children to reallocate, the public schools with seats left in the order they are
 * offered: fewer zone steps first, then school code. A list stops once its seats could hold every child being
 * reallocated, since nobody can be refused by all of them.
 */
final class ReallocationLists {

    private final int[] start;
    private final int[] end;
    private int[] schools = new int[64];
    private int[] hops = new int[64];
    private int size;

    private ReallocationLists(int zoneCount) {
        start = new int[zoneCount];
        end = new int[zoneCount];
    }

    static ReallocationLists build(AdmissionPlan plan, int[] seatsLeft, boolean[] zoneNeeded, long children) {
        int zoneCount = plan.zoneCount();
        ReallocationLists lists = new ReallocationLists(zoneCount);
        int[] zoneSeen = new int[zoneCount];
        int[] schoolSeen = new int[plan.schoolCount()];
        int[] queue = new int[zoneCount];
        int stamp = 0;
        for (int home = 0; home < zoneCount; home++) {
            if (!zoneNeeded[home]) {
                continue;
            }
            stamp++;
            lists.start[home] = lists.size;
            int head = 0;
            int tail = 0;
            queue[tail++] = home;
            zoneSeen[home] = stamp;
            long seats = 0;
            boolean enough = false;
            for (int level = 0; head < tail && !enough && level <= plan.reallocationHops(); level++) {
                int levelEnd = tail;
                int levelStart = lists.size;
                for (int q = head; q < levelEnd; q++) {
                    int zone = queue[q];
                    for (int k = 0; k < plan.zoneSchoolCount(zone); k++) {
                        int s = plan.zoneSchool(zone, k);
                        if (seatsLeft[s] > 0 && schoolSeen[s] != stamp) {
                            schoolSeen[s] = stamp;
                            lists.append(s, level);
                        }
                    }
                }
                Arrays.sort(lists.schools, levelStart, lists.size);
                for (int k = levelStart; k < lists.size; k++) {
                    seats += seatsLeft[lists.schools[k]];
                    if (seats >= children) {
                        lists.size = k + 1;
                        enough = true;
                        break;
                    }
                }
                for (int q = head; q < levelEnd && !enough; q++) {
                    int zone = queue[q];
                    for (int k = 0; k < plan.neighbourCount(zone); k++) {
                        int next = plan.neighbour(zone, k);
                        if (zoneSeen[next] != stamp) {
                            zoneSeen[next] = stamp;
                            queue[tail++] = next;
                        }
                    }
                }
                head = levelEnd;
            }
            lists.end[home] = lists.size;
        }
        return lists;
    }

    private void append(int school, int level) {
        if (size == schools.length) {
            schools = Arrays.copyOf(schools, size * 2);
            hops = Arrays.copyOf(hops, size * 2);
        }
        schools[size] = school;
        hops[size] = level;
        size++;
    }

    int length(int zone) {
        return end[zone] - start[zone];
    }

    int school(int zone, int k) {
        return schools[start[zone] + k];
    }

    int hops(int zone, int k) {
        return hops[start[zone] + k];
    }
}
