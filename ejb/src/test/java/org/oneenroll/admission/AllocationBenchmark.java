package org.oneenroll.admission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.oneenroll.admission.control.AdmissionEngine;
import org.oneenroll.admission.control.Lottery;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.AdmissionPlan;
import org.oneenroll.admission.entity.Allocation;
import org.oneenroll.admission.entity.Applicant;
import org.oneenroll.admission.entity.LotteryDraw;
import org.oneenroll.admission.entity.LotterySeed;
import org.oneenroll.admission.entity.Route;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/**
 * The admission benchmark of docs/PERFORMANCE.md: 1,000,000 applicants, 3,000 schools, 5 choices, timed against
 * a baseline pass in the same run. Optional arguments: children, schools, warm-up rounds, measured rounds.
 */
public final class AllocationBenchmark {

    private AllocationBenchmark() {}

    public static void main(String[] args) {
        int children = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int schools = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        long started = System.nanoTime();
        AdmissionInput input = instance(children, schools, 5, new Random(20260701));
        System.out.printf("generation seconds (not timed below): %.1f%n", (System.nanoTime() - started) / 1e9);
        LotterySeed seed = LotterySeed.parse("3f2a9c0177b40d5e1a2b3c4d5e6f70812b7e151628aed2a6abf7158809cf4f3c");
        AdmissionEngine engine = new AdmissionEngine();
        Lottery lottery = new Lottery();

        double[] draw = new double[rounds];
        double[] allocation = new double[rounds];
        double[] baseline = new double[rounds];
        Allocation result = null;
        long checksum = 0;
        for (int round = -warmups; round < rounds; round++) {
            long t0 = System.nanoTime();
            LotteryDraw numbers = lottery.draw(input, seed);
            long t1 = System.nanoTime();
            result = engine.allocate(input, numbers);
            long t2 = System.nanoTime();
            checksum += baseline(input, numbers);
            long t3 = System.nanoTime();
            if (round >= 0) {
                draw[round] = (t1 - t0) / 1e9;
                allocation[round] = (t2 - t1) / 1e9;
                baseline[round] = (t3 - t2) / 1e9;
            }
        }
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long usedMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;

        int choiceEntries = 0;
        for (int child = 0; child < input.childCount(); child++) {
            choiceEntries += input.choiceCount(child);
        }
        int[] applicants = new int[input.plan().schoolCount()];
        for (int child = 0; child < input.childCount(); child++) {
            for (int k = 0; k < input.choiceCount(child); k++) {
                applicants[input.choice(child, k)]++;
            }
        }
        int busiest = 0;
        for (int s = 1; s < applicants.length; s++) {
            busiest = applicants[s] > applicants[busiest] ? s : busiest;
        }
        double median = median(allocation);
        double baselineMedian = median(baseline);
        System.out.printf("applicants: %d%n", input.childCount());
        System.out.printf("schools: %d%n", input.plan().schoolCount());
        System.out.printf("choice entries: %d%n", choiceEntries);
        System.out.printf("seats: %d%n", input.plan().totalSeats());
        System.out.printf(
                "busiest school applicants per seat: %.1f%n",
                applicants[busiest] / (double) input.plan().seats(busiest));
        System.out.printf("admitted by choice: %d%n", result.count(Route.CHOICE));
        System.out.printf("admitted at zone school: %d%n", result.count(Route.ZONE_SCHOOL));
        System.out.printf("reallocated: %d%n", result.count(Route.REALLOCATED));
        System.out.printf("unplaced: %d%n", result.count(Route.UNPLACED));
        System.out.printf("rounds: %d warm-up, %d measured (medians below)%n", warmups, rounds);
        System.out.printf("allocation 1M seconds: %.3f%n", median);
        System.out.printf(
                "allocation fastest round seconds: %.3f%n",
                Arrays.stream(allocation).min().orElse(0));
        System.out.printf("lottery draw 1M seconds: %.3f%n", median(draw));
        System.out.printf("baseline pass over the choice entries seconds: %.3f%n", baselineMedian);
        System.out.printf("allocation vs baseline ratio: %.1fx%n", median / baselineMedian);
        System.out.printf("heap used with instance and result MB: %d%n", usedMb);
        System.out.printf("max heap MB: %d%n", runtime.maxMemory() >> 20);
        System.out.printf("(checksum %d)%n", checksum);
    }

    /*
     * Comparable array work in one pass: for every choice entry, read the child's lottery number and update the
     * school's applicant count and best number, the random school-indexed access the allocation also does.
     */
    static long baseline(AdmissionInput input, LotteryDraw draw) {
        int schools = input.plan().schoolCount();
        long[] best = new long[schools];
        int[] count = new int[schools];
        Arrays.fill(best, Long.MAX_VALUE);
        for (int child = 0; child < input.childCount(); child++) {
            long number = draw.number(child) >>> 1;
            for (int k = 0; k < input.choiceCount(child); k++) {
                int s = input.choice(child, k);
                count[s]++;
                if (number < best[s]) {
                    best[s] = number;
                }
            }
        }
        long sum = 0;
        for (int s = 0; s < schools; s++) {
            sum += best[s] + count[s];
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * One public school per zone on a square grid (borders with the four neighbours), 5% private schools, seats
     * within 10% of an even share of the children, but one zone in twenty is a new estate where 14% of the
     * children live (so those zones overflow and reallocation has work); 1% of the children live in no zone.
     * Choices come half from county-wide popularity (Zipf, so the top schools are wanted by hundreds of
     * children per seat), half from the home zone and its neighbours.
     */
    static AdmissionInput instance(int children, int schools, int choices, Random random) {
        int privates = schools / 20;
        int publics = schools - privates;
        int side = (int) Math.ceil(Math.sqrt(publics));
        AdmissionPlan.Builder plan = AdmissionPlan.builder("BENCH-2026-PRIMARY-r1", Stage.PRIMARY)
                .categoryOrder(List.of(
                        FamilyCategory.PREFERENTIAL,
                        FamilyCategory.HOUSE_AND_HUKOU,
                        FamilyCategory.HOUSE_ONLY,
                        FamilyCategory.HUKOU_ONLY_RELATIVE,
                        FamilyCategory.HUKOU_ONLY_RENTING,
                        FamilyCategory.MIGRANT));
        int perZone = children / publics;
        for (int s = 0; s < publics; s++) {
            plan.school(
                    String.format("P%05d", s),
                    SchoolOwnership.PUBLIC,
                    perZone - perZone / 10 + random.nextInt(perZone / 5 + 1));
            plan.zone(String.format("Z%05d", s), String.format("P%05d", s));
            if (s % side > 0) {
                plan.adjacent(String.format("Z%05d", s), String.format("Z%05d", s - 1));
            }
            if (s >= side) {
                plan.adjacent(String.format("Z%05d", s), String.format("Z%05d", s - side));
            }
        }
        for (int s = 0; s < privates; s++) {
            plan.school(String.format("M%05d", s), SchoolOwnership.PRIVATE, 100 + random.nextInt(200));
        }
        AdmissionPlan built = plan.build();

        double[] cumulative = new double[schools];
        int[] popular = new int[schools];
        for (int s = 0; s < schools; s++) {
            popular[s] = s;
        }
        for (int s = schools - 1; s > 0; s--) {
            int other = random.nextInt(s + 1);
            int swap = popular[s];
            popular[s] = popular[other];
            popular[other] = swap;
        }
        double total = 0;
        for (int r = 0; r < schools; r++) {
            total += 1.0 / (r + 1);
            cumulative[r] = total;
        }

        AdmissionInput.Builder input = AdmissionInput.builder(built);
        FamilyCategory[] categories = FamilyCategory.values();
        double[] categoryShare = {0.55, 0.10, 0.08, 0.07, 0.18, 0.02};
        String[] codes = new String[schools];
        for (int s = 0; s < schools; s++) {
            codes[s] = built.schoolCode(s);
        }
        int[] picked = new int[choices];
        for (int i = 0; i < children; i++) {
            int where = random.nextInt(100);
            int zone = where == 0 ? -1 : where < 15 ? 20 * random.nextInt(publics / 20) : random.nextInt(publics);
            double u = random.nextDouble();
            int c = 0;
            while (c < categories.length - 1 && u >= categoryShare[c]) {
                u -= categoryShare[c];
                c++;
            }
            List<String> list = new ArrayList<>(choices);
            int n = 0;
            while (n < choices) {
                int s;
                if (random.nextBoolean() || zone < 0) {
                    int r = Arrays.binarySearch(cumulative, random.nextDouble() * total);
                    s = popular[Math.min(schools - 1, r < 0 ? -r - 1 : r)];
                } else {
                    int dx = random.nextInt(3) - 1;
                    int dy = random.nextInt(3) - 1;
                    s = Math.floorMod(zone + dx + dy * side, publics);
                }
                boolean repeated = false;
                for (int k = 0; k < n; k++) {
                    repeated |= picked[k] == s;
                }
                if (!repeated) {
                    picked[n++] = s;
                    list.add(codes[s]);
                }
            }
            input.add(new Applicant(
                    String.format("C%07d", i),
                    categories[c],
                    categories[c] == FamilyCategory.MIGRANT ? random.nextInt(121) : 0,
                    zone < 0 ? null : built.zoneCode(zone),
                    list));
        }
        return input.build();
    }
}
