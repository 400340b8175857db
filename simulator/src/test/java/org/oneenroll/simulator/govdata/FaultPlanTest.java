package org.oneenroll.simulator.govdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Faults and latencies as a test author relies on them: reproducible, proportional, switchable, capped. */
class FaultPlanTest {

    private final FaultPlan cut = new FaultPlan(Map.of(), 42L);

    @Test
    void aSeedGivesTheSameDecisionsAfterAReset() {
        cut.update(json("{\"all\": {\"errorRate\": 0.2, \"timeoutRate\": 0.1, \"malformedRate\": 0.1}}"));
        List<FaultPlan.Decision> first = decisions(Source.HUKOU, 50);
        cut.update(json("{\"seed\": 42}"));
        assertEquals(first, decisions(Source.HUKOU, 50));
    }

    @Test
    void sourcesDrawFromTheirOwnStreams() {
        List<FaultPlan.Decision> hukou = decisions(Source.HUKOU, 20);
        FaultPlan other = new FaultPlan(Map.of(), 42L);
        decisions(other, Source.MARRIAGE, 100);
        assertEquals(hukou, decisions(other, Source.HUKOU, 20), "queries to one source do not shift another's");
        assertNotEquals(hukou, decisions(other, Source.MARRIAGE, 20));
    }

    @Test
    void faultSharesFollowTheRates() {
        cut.update(json("{\"all\": {\"errorRate\": 0.2, \"timeoutRate\": 0.1, \"malformedRate\": 0.05}}"));
        Map<FaultPlan.Planned, Integer> counts = new EnumMap<>(FaultPlan.Planned.class);
        decisions(Source.SOCIAL_INSURANCE, 10_000).forEach(d -> counts.merge(d.planned(), 1, Integer::sum));
        assertEquals(0.20, counts.get(FaultPlan.Planned.ERROR) / 10_000.0, 0.02);
        assertEquals(0.10, counts.get(FaultPlan.Planned.TIMEOUT) / 10_000.0, 0.015);
        assertEquals(0.05, counts.get(FaultPlan.Planned.MALFORMED) / 10_000.0, 0.01);
    }

    @Test
    void latencyIsLogNormalAroundTheMedianWithinTheCap() {
        List<Long> ms = decisions(Source.HUKOU, 4001).stream()
                .map(FaultPlan.Decision::delayMs)
                .sorted()
                .toList();
        assertEquals(200, ms.get(2000), 12);
        assertTrue(ms.get(3960) > 450, "p99 far above the median: " + ms.get(3960));
        assertTrue(ms.get(4000) <= 5000);
        assertEquals(200, FaultPlan.latency(FaultSettings.DEFAULT, 0));
    }

    @Test
    void timeoutsAreHeldForTheHangNotTheLatency() {
        cut.update(json("{\"sources\": {\"hukou\": {\"timeoutRate\": 1, \"hangMs\": 12345}}}"));
        assertTrue(decisions(Source.HUKOU, 10).stream()
                .allMatch(d -> d.planned() == FaultPlan.Planned.TIMEOUT && d.delayMs() == 12345));
        assertTrue(decisions(Source.MARRIAGE, 10).stream().allMatch(d -> d.planned() == FaultPlan.Planned.ANSWER));
    }

    @Test
    void theCapAdmitsThatManyAtOnceAndFreesSlotsOnRelease() {
        cut.update(json("{\"sources\": {\"hukou\": {\"concurrency\": 2}}}"));
        assertTrue(cut.tryAcquire(Source.HUKOU));
        assertTrue(cut.tryAcquire(Source.HUKOU));
        assertFalse(cut.tryAcquire(Source.HUKOU));
        assertTrue(cut.tryAcquire(Source.MARRIAGE));
        cut.release(Source.HUKOU);
        assertTrue(cut.tryAcquire(Source.HUKOU));
        assertEquals(2, cut.peak(Source.HUKOU));
    }

    @Test
    void resetReturnsToTheConfiguredSettings() {
        cut.update(json("{\"all\": {\"errorRate\": 1}}"));
        cut.reset();
        assertEquals(FaultSettings.DEFAULT, cut.settings(Source.BIRTH_CERTIFICATE));
        assertEquals(42L, cut.seed());
    }

    @Test
    void nonsenseIsRefusedAndChangesNothing() {
        assertThrows(IllegalArgumentException.class, () -> cut.update(json("{\"all\": {\"errorRat\": 1}}")));
        assertThrows(
                IllegalArgumentException.class,
                () -> cut.update(json("{\"all\": {\"errorRate\": 0.7, \"timeoutRate\": 0.7}}")));
        assertThrows(IllegalArgumentException.class, () -> cut.update(json("{\"sources\": {\"tax\": {}}}")));
        assertThrows(IllegalArgumentException.class, () -> cut.update(json("{\"all\": {\"concurrency\": 0}}")));
        assertThrows(IllegalArgumentException.class, () -> cut.update(json("{\"outage\": true}")));
        assertEquals(FaultSettings.DEFAULT, cut.settings(Source.HUKOU));
    }

    @Test
    void raisingTheMedianAloneKeepsTheTailsProportion() {
        cut.update(json("{\"all\": {\"medianMs\": 8000}}"));
        assertEquals(200_000, cut.settings(Source.HUKOU).maxMs());
    }

    private List<FaultPlan.Decision> decisions(Source s, int n) {
        return decisions(cut, s, n);
    }

    private static List<FaultPlan.Decision> decisions(FaultPlan plan, Source s, int n) {
        List<FaultPlan.Decision> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(plan.decide(s));
        }
        return out;
    }

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }
}
