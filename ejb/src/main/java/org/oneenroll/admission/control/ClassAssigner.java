package org.oneenroll.admission.control;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.oneenroll.admission.entity.ClassAssignment;
import org.oneenroll.admission.entity.ClassAssignmentInput;
import org.oneenroll.admission.entity.LotteryDraw;
import org.oneenroll.admission.entity.LotterySeed;
import org.oneenroll.admission.entity.Pupil;

/**
 * Fair class assignment (阳光分班): deals a school's children into classes in verifiable random order, even in
 * size and sex, evens out the other attributes by swaps, and draws the class numbers last.
 */
public final class ClassAssigner {

    /* Dealing orders tried; the best outcome wins, the earliest on a tie, so the result follows from the draw. */
    private static final int MAX_STARTS = 8;

    public ClassAssignment assign(ClassAssignmentInput input, LotterySeed seed) {
        List<Pupil> pupils = input.pupils();
        int n = pupils.size();
        int classes = input.classCount();
        String domain = Lottery.CLASS_DOMAIN + input.schoolCode() + "/";
        long[] numbers = Lottery.numbers(seed, domain, n, i -> pupils.get(i).childRef());
        int[] drawOrder = LotteryDraw.drawOrder(numbers);
        int[] rank = new int[n];
        for (int p = 0; p < n; p++) {
            rank[drawOrder[p]] = p;
        }
        Roster roster = new Roster(pupils, input.attributes().size(), classes, rank);

        int starts = roster.attributes == 0 ? 1 : Math.min(MAX_STARTS, 2 * roster.valueCount[0]);
        int[] best = null;
        long[] bestScore = null;
        for (int start = 0; start < starts; start++) {
            int[] group = roster.deal(start);
            long[] score = roster.balance(group);
            if (best == null || score[0] < bestScore[0] || score[0] == bestScore[0] && score[1] < bestScore[1]) {
                best = group;
                bestScore = score;
            }
        }

        long[] labelNumbers = Lottery.numbers(seed, domain + "class/", classes, c -> String.valueOf(c + 1));
        int[] labelOrder = LotteryDraw.drawOrder(labelNumbers);
        int[] label = new int[classes];
        for (int k = 0; k < classes; k++) {
            label[labelOrder[k]] = k + 1;
        }
        int[] classOf = new int[n];
        for (int i = 0; i < n; i++) {
            classOf[i] = label[best[i]];
        }
        return ClassAssignment.of(input, seed, numbers, classOf);
    }

    /** The children of one school reduced to sex, attribute value indexes and draw rank. */
    private static final class Roster {

        final int n;
        final int attributes;
        final int classes;
        final int[] sex;
        final int[] rank;
        final int[][] value;
        final int[] valueCount;

        Roster(List<Pupil> pupils, int attributes, int classes, int[] rank) {
            this.n = pupils.size();
            this.attributes = attributes;
            this.classes = classes;
            this.rank = rank;
            this.sex = new int[n];
            this.value = new int[n][attributes];
            this.valueCount = new int[attributes];
            for (int i = 0; i < n; i++) {
                sex[i] = pupils.get(i).sex().ordinal();
            }
            for (int a = 0; a < attributes; a++) {
                TreeSet<String> values = new TreeSet<>();
                for (Pupil p : pupils) {
                    values.add(p.attributes().get(a));
                }
                Map<String, Integer> index = new HashMap<>();
                for (String v : values) {
                    index.put(v, index.size());
                }
                valueCount[a] = values.size();
                for (int i = 0; i < n; i++) {
                    value[i][a] = index.get(pupils.get(i).attributes().get(a));
                }
            }
        }

        /*
         * Each sex is one run of the dealing order, so sizes and sex counts come out even. Within a run the
         * children are grouped by attribute values; the second sex's groups come in another order per start
         * (reversed, rotated), which changes where equal values of the two sexes meet.
         */
        int[] deal(int start) {
            int rotation = start / 2;
            boolean reversed = start % 2 == 0;
            Integer[] sequence = new Integer[n];
            for (int i = 0; i < n; i++) {
                sequence[i] = i;
            }
            Arrays.sort(sequence, (x, y) -> {
                if (sex[x] != sex[y]) {
                    return Integer.compare(sex[x], sex[y]);
                }
                for (int a = 0; a < attributes; a++) {
                    if (value[x][a] != value[y][a]) {
                        if (sex[x] == 0 || a > 0) {
                            return Integer.compare(value[x][a], value[y][a]);
                        }
                        int k = valueCount[0];
                        int byValue = Integer.compare((value[x][0] + rotation) % k, (value[y][0] + rotation) % k);
                        return reversed ? -byValue : byValue;
                    }
                }
                return Integer.compare(rank[x], rank[y]);
            });
            int[] group = new int[n];
            for (int p = 0; p < n; p++) {
                group[sequence[p]] = p % classes;
            }
            return group;
        }

        /*
         * Hill climbing on the squared distance of every class's attribute counts from the even share: swap two
         * children of the same sex (sizes and sex counts stay put) whenever that lowers it, trying pairs in draw
         * order. Each swap lowers an integer, so it ends. Returns the excess spread (how far counts are from
         * differing by at most one) and the squared distance.
         */
        long[] balance(int[] group) {
            int[][][] count = new int[classes][attributes][];
            int[][] total = new int[attributes][];
            for (int a = 0; a < attributes; a++) {
                total[a] = new int[valueCount[a]];
                for (int c = 0; c < classes; c++) {
                    count[c][a] = new int[valueCount[a]];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < attributes; a++) {
                    count[group[i]][a][value[i][a]]++;
                    total[a][value[i][a]]++;
                }
            }
            int[] byRank = new int[n];
            for (int i = 0; i < n; i++) {
                byRank[rank[i]] = i;
            }
            boolean improved = attributes > 0;
            while (improved) {
                improved = false;
                for (int p = 0; p < n; p++) {
                    int x = byRank[p];
                    for (int q = p + 1; q < n; q++) {
                        int y = byRank[q];
                        int gx = group[x];
                        int gy = group[y];
                        if (gx != gy && sex[x] == sex[y] && swapGain(gx, gy, value[x], value[y], count, total) < 0) {
                            move(x, gy, group, count);
                            move(y, gx, group, count);
                            improved = true;
                        }
                    }
                }
            }
            long excess = 0;
            long squares = 0;
            for (int a = 0; a < attributes; a++) {
                for (int v = 0; v < valueCount[a]; v++) {
                    int most = 0;
                    int least = Integer.MAX_VALUE;
                    for (int c = 0; c < classes; c++) {
                        most = Math.max(most, count[c][a][v]);
                        least = Math.min(least, count[c][a][v]);
                        long d = (long) classes * count[c][a][v] - total[a][v];
                        squares += d * d;
                    }
                    excess += Math.max(0, most - least - 1);
                }
            }
            return new long[] {excess, squares};
        }

        private long swapGain(int cx, int cy, int[] vx, int[] vy, int[][][] count, int[][] total) {
            long gain = 0;
            for (int a = 0; a < attributes; a++) {
                if (vx[a] == vy[a]) {
                    continue;
                }
                gain += change(count[cx][a][vx[a]], -1, total[a][vx[a]])
                        + change(count[cx][a][vy[a]], 1, total[a][vy[a]])
                        + change(count[cy][a][vy[a]], -1, total[a][vy[a]])
                        + change(count[cy][a][vx[a]], 1, total[a][vx[a]]);
            }
            return gain;
        }

        private long change(int count, int delta, int total) {
            long before = (long) classes * count - total;
            long after = (long) classes * (count + delta) - total;
            return after * after - before * before;
        }

        private void move(int pupil, int to, int[] group, int[][][] count) {
            for (int a = 0; a < attributes; a++) {
                count[group[pupil]][a][value[pupil][a]]--;
                count[to][a][value[pupil][a]]++;
            }
            group[pupil] = to;
        }
    }
}
