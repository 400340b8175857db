package org.oneenroll.admission.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.oneenroll.admission.Oracle;
import org.oneenroll.admission.RandomInstances;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.AdmissionPlan;
import org.oneenroll.admission.entity.Allocation;
import org.oneenroll.admission.entity.Applicant;
import org.oneenroll.admission.entity.LotteryDraw;
import org.oneenroll.admission.entity.LotterySeed;
import org.oneenroll.admission.entity.Route;
import org.oneenroll.admission.entity.SchoolResult;
import org.oneenroll.admission.entity.UnplacedReason;
import org.oneenroll.policy.entity.SchoolOwnership;

/** The engine on random small counties: stable, non-wasteful, deterministic, replayable and strategy-proof. */
class AdmissionEnginePropertiesTest {

    final AdmissionEngine cut = new AdmissionEngine();

    @Property(tries = 400)
    void noChildAndSchoolWouldBothRatherHaveEachOther(@ForAll long instance, @ForAll long seedBits) {
        AdmissionInput input = RandomInstances.input(instance);
        Allocation result = cut.run(input, seed(seedBits));
        String context = describe(input);
        for (int child = 0; child < input.childCount(); child++) {
            List<String> list = Oracle.applicationList(input, child);
            Route route = result.route(child);
            int placedAt = route == Route.CHOICE || route == Route.ZONE_SCHOOL
                    ? list.indexOf(result.schoolCode(child))
                    : list.size();
            assertTrue(placedAt >= 0, context);
            for (String better : list.subList(0, placedAt)) {
                assertEquals(
                        0,
                        result.school(better).seatsLeft(),
                        "a seat left at " + better + " that " + input.childRef(child) + " asked for before its result\n"
                                + context);
                assertEquals(0, result.school(better).reallocated(), context);
                for (int other = 0; other < input.childCount(); other++) {
                    if (better.equals(result.schoolCode(other))) {
                        assertTrue(
                                Oracle.compare(result, better, other, child) < 0,
                                input.childRef(other)
                                        + " holds a seat at " + better + " that " + input.childRef(child)
                                        + " has priority for\n" + context);
                    }
                }
            }
        }
    }

    @Property(tries = 400)
    void reallocationOffersTheNearestSeatsByPriorityAndWastesNone(@ForAll long instance, @ForAll long seedBits) {
        AdmissionInput input = RandomInstances.input(instance);
        Allocation result = cut.run(input, seed(seedBits));
        String context = describe(input);
        for (int child = 0; child < input.childCount(); child++) {
            Route route = result.route(child);
            if (route != Route.REALLOCATED && route != Route.UNPLACED) {
                continue;
            }
            List<String> order = Oracle.reallocationOrder(input, child);
            int placedAt = route == Route.REALLOCATED ? order.indexOf(result.schoolCode(child)) : order.size();
            assertTrue(placedAt >= 0, "reallocated beyond reach\n" + context);
            for (String nearer : order.subList(0, placedAt)) {
                assertEquals(
                        0,
                        result.school(nearer).seatsLeft(),
                        "a seat left at " + nearer + " nearer to " + input.childRef(child) + "\n" + context);
                for (int other = 0; other < input.childCount(); other++) {
                    if (result.route(other) == Route.REALLOCATED && nearer.equals(result.schoolCode(other))) {
                        assertTrue(Oracle.compare(result, nearer, other, child) < 0, context);
                    }
                }
            }
            if (route == Route.UNPLACED) {
                UnplacedReason reason = result.reason(child);
                if (input.homeZone(child) < 0) {
                    assertEquals(UnplacedReason.NO_HOME_ZONE, reason, context);
                } else if (reason == UnplacedReason.NO_SEATS_LEFT) {
                    assertEquals(
                            0,
                            result.schools().stream()
                                    .filter(s -> s.ownership() == SchoolOwnership.PUBLIC)
                                    .mapToInt(SchoolResult::seatsLeft)
                                    .sum(),
                            context);
                }
            }
        }
    }

    @Property(tries = 300)
    void theSameInputAndSeedGiveTheSameBytesWhateverTheOrderOfEntry(@ForAll long instance, @ForAll long seedBits) {
        AdmissionInput input = RandomInstances.input(instance);
        List<Applicant> shuffled = new ArrayList<>(input.applicants());
        Collections.shuffle(shuffled, new Random(instance));
        AdmissionInput again = AdmissionInput.of(input.plan(), shuffled);
        assertEquals(input.sha256(), again.sha256());
        assertArrayEquals(
                cut.run(input, seed(seedBits)).canonicalBytes(),
                cut.run(again, seed(seedBits)).canonicalBytes());
    }

    @Property(tries = 300)
    void replayingThePublishedFileGivesTheSameBytes(@ForAll long instance, @ForAll long seedBits) {
        AdmissionInput input = RandomInstances.input(instance);
        Allocation result = cut.run(input, seed(seedBits));
        byte[] replayed = ReplayDraw.replay(input.canonicalBytes(), seed(seedBits));
        assertEquals(
                new String(result.canonicalBytes(), StandardCharsets.UTF_8),
                new String(replayed, StandardCharsets.UTF_8));
    }

    /**
     * A child who truly ranks every school gains nothing by listing any other ordered subset of them, whatever
     * the others list: brute force over all reports on counties of up to four schools.
     */
    @Property(tries = 300)
    void noChildGainsByMisreportingChoices(@ForAll long instance, @ForAll long seedBits) {
        Random random = new Random(instance);
        AdmissionPlan plan = RandomInstances.plan(random, 4);
        List<Applicant> children = new ArrayList<>(RandomInstances.children(random, plan, 4, plan.schoolCount()));
        if (children.isEmpty()) {
            return;
        }
        int liar = random.nextInt(children.size());
        List<String> truth = new ArrayList<>();
        plan.schools().forEach(s -> truth.add(s.code()));
        Collections.shuffle(truth, random);
        Applicant honest = children.get(liar);
        children.set(
                liar, new Applicant(honest.childRef(), honest.category(), honest.points(), honest.homeZone(), truth));
        AdmissionInput input = AdmissionInput.of(plan, children);
        LotteryDraw draw = new Lottery().draw(input, seed(seedBits));
        int child = input.childIndex(honest.childRef());
        int truthful = rank(truth, cut.allocate(input, draw).schoolCode(child));
        for (List<String> report : orderedSubsets(truth)) {
            children.set(
                    liar,
                    new Applicant(honest.childRef(), honest.category(), honest.points(), honest.homeZone(), report));
            Allocation lie = cut.allocate(AdmissionInput.of(plan, children), draw);
            assertTrue(
                    rank(truth, lie.schoolCode(child)) >= truthful,
                    "reporting " + report + " instead of " + truth + " gains " + lie.schoolCode(child) + "\n"
                            + describe(input));
        }
    }

    private static int rank(List<String> truth, String school) {
        return school == null ? Integer.MAX_VALUE : truth.indexOf(school);
    }

    private static List<List<String>> orderedSubsets(List<String> schools) {
        List<List<String>> all = new ArrayList<>();
        all.add(List.of());
        for (int k = 0; k < all.size(); k++) {
            List<String> prefix = all.get(k);
            for (String s : schools) {
                if (!prefix.contains(s)) {
                    List<String> longer = new ArrayList<>(prefix);
                    longer.add(s);
                    all.add(longer);
                }
            }
        }
        return all;
    }

    static LotterySeed seed(long bits) {
        return LotterySeed.parse(String.format("%016x%016x", bits, ~bits));
    }

    static String describe(AdmissionInput input) {
        return new String(input.canonicalBytes(), StandardCharsets.UTF_8);
    }
}
