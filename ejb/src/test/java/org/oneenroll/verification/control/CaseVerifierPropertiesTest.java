package org.oneenroll.verification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oneenroll.verification.control.Fixtures.CHILD_ID;
import static org.oneenroll.verification.control.Fixtures.FATHER;
import static org.oneenroll.verification.control.Fixtures.FULL;
import static org.oneenroll.verification.control.Fixtures.key;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.verification.control.SourceFanOut.Question;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.MessageRef;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.VerificationResult;
import org.oneenroll.verification.entity.VerificationStatus;

/**
 * Properties of the rules over one migrant family: whichever sources are down, only they are named; the order the
 * answers come in changes nothing; insurance months missing are counted exactly.
 */
class CaseVerifierPropertiesTest {

    private static final String HOME = FULL + "城关镇西关社区金城花园2号楼301室";

    private final CaseVerifier cut = new CaseVerifier();

    private static Map<String, List<Map<String, Object>>> migrant(Map<String, Object> insurance) {
        Map<String, List<Map<String, Object>>> records = new HashMap<>();
        records.put(
                key(GovernmentSource.HUKOU, CHILD_ID),
                List.of(Fixtures.hukou("朱怡可", "510106", "四川省成都市金牛区茶店子街道1号", "朱国强", "女")));
        records.put(key(GovernmentSource.BIRTH_CERTIFICATE, CHILD_ID), List.of(Fixtures.birth("朱怡可")));
        records.put(
                key(GovernmentSource.RESIDENCE_PERMIT, FATHER.idNumber()),
                List.of(Fixtures.permit(FATHER, "2025-09-01", "2026-08-31", HOME)));
        records.put(
                key(GovernmentSource.RENTAL_REGISTRATION, FATHER.idNumber()),
                List.of(Fixtures.rental(FATHER, HOME, "2025-03-01", "2027-02-28")));
        records.put(key(GovernmentSource.SOCIAL_INSURANCE, FATHER.idNumber()), List.of(insurance));
        return records;
    }

    @Provide
    Arbitrary<Set<GovernmentSource>> down() {
        return Arbitraries.of(GovernmentSource.class).set().ofMaxSize(4);
    }

    @Property
    void onlyTheSourcesThatAreDownAreNamedAndTheCaseNeverStaysUndecided(@ForAll("down") Set<GovernmentSource> down) {
        Declaration d = Fixtures.nonLocal(Fixtures.plan(), null);
        List<Question> questions = cut.questions(d);
        List<SourceAnswer> answers = Fixtures.answers(
                questions,
                migrant(Fixtures.insurance(FATHER, "2023-01", "2026-05")),
                down.toArray(GovernmentSource[]::new));
        VerificationResult r = cut.verify(d, questions, answers, Fixtures.CHECK);
        assertTrue(down.containsAll(r.offlineSources()), () -> down + " down, named " + r.offlineSources());
        if (r.status() == VerificationStatus.VERIFIED) {
            assertEquals(FamilyCategory.MIGRANT, r.category().derived().orElseThrow());
        }
        if (down.contains(GovernmentSource.HUKOU) || down.contains(GovernmentSource.RESIDENCE_PERMIT)) {
            assertEquals(VerificationStatus.NEEDS_OFFLINE_CHECK, r.status());
        }
    }

    @Property
    void theOrderOfTheAnswersChangesNothing(@ForAll long seed) {
        Declaration d = Fixtures.nonLocal(Fixtures.plan(), null);
        List<Question> questions = cut.questions(d);
        List<SourceAnswer> answers =
                Fixtures.answers(questions, migrant(Fixtures.insurance(FATHER, "2023-01", "2026-05", "2025-07")));
        List<Integer> order =
                new ArrayList<>(IntStream.range(0, questions.size()).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        VerificationResult straight = cut.verify(d, questions, answers, Fixtures.CHECK);
        VerificationResult shuffled = cut.verify(
                d,
                order.stream().map(questions::get).toList(),
                order.stream().map(answers::get).toList(),
                Fixtures.CHECK);
        assertEquals(straight.category(), shuffled.category());
        assertEquals(Set.copyOf(straight.offlineChecks()), Set.copyOf(shuffled.offlineChecks()));
        assertEquals(straight.filled(), shuffled.filled());
    }

    @Property
    void monthsMissingSinceTheFirstPaymentAreCountedExactly(
            @ForAll @IntRange(min = 1, max = 40) int back, @ForAll("gapMonths") Set<Integer> gaps) {
        YearMonth last = YearMonth.of(2026, 5);
        YearMonth first = last.minusMonths(back - 1L);
        List<String> missing = new ArrayList<>();
        for (int g : gaps) {
            if (g > 0 && g < back - 1) {
                missing.add(first.plusMonths(g).toString());
            }
        }
        Declaration d = Fixtures.nonLocal(Fixtures.plan(), null);
        List<Question> questions = cut.questions(d);
        VerificationResult r = cut.verify(
                d,
                questions,
                Fixtures.answers(
                        questions,
                        migrant(Fixtures.insurance(
                                FATHER, first.toString(), last.toString(), missing.toArray(String[]::new)))),
                Fixtures.CHECK);
        YearMonth windowStart = YearMonth.of(2024, 6);
        long missingInWindow = missing.stream()
                .map(YearMonth::parse)
                .filter(m -> !m.isBefore(windowStart))
                .count();
        long expected = IntStream.range(0, back)
                .mapToObj(first::plusMonths)
                .filter(m -> !m.isBefore(windowStart))
                .count();
        List<MessageRef> findings =
                r.evidence(GovernmentSource.SOCIAL_INSURANCE).get(0).findings();
        assertEquals(
                (int) (expected - missingInWindow),
                r.filled().monthsPaidLast24().orElseThrow());
        if (missingInWindow > 0) {
            MessageRef shortfall = findings.stream()
                    .filter(f -> f.key().equals(SourceChecks.INSURANCE_SHORT))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    List.of(FATHER.name(), (int) expected, (int) (expected - missingInWindow), (int) missingInWindow),
                    shortfall.args());
        } else {
            assertEquals(expected >= 6, findings.isEmpty(), findings::toString);
            assertEquals(expected >= 6, r.category().derived().isPresent());
        }
    }

    @Provide
    Arbitrary<Set<Integer>> gapMonths() {
        return Arbitraries.integers().between(1, 40).set().ofMaxSize(5);
    }
}
