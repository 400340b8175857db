package org.oneenroll.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The interim adjacency: zones sharing a town, and the zones of consecutive towns. */
class ZoneAdjacencyTest {

    ZoneAdjacency cut = new ZoneAdjacency();

    @Test
    void zonesOfOneTownAndOfNeighbouringTownCodesAreNeighbours() {
        var adjacency = cut.derive(Map.of(
                "Z1", Set.of("620123100/城关社区/A小区", "620123100/城关社区/B小区"),
                "Z2", Set.of("620123100/东关社区"),
                "Z3", Set.of("620123101/夏官营村"),
                "Z4", Set.of("620123105/和平村", "620123105/金崖村")));
        assertEquals(Set.of("Z2", "Z3"), adjacency.get("Z1"));
        assertEquals(Set.of("Z1", "Z3"), adjacency.get("Z2"));
        assertEquals(Set.of("Z1", "Z2", "Z4"), adjacency.get("Z3"));
        assertEquals(Set.of("Z3"), adjacency.get("Z4"), "towns 101 and 105 are consecutive among the zoned towns");
    }

    @Test
    void aZoneSpanningTwoTownsJoinsBoth() {
        var adjacency = cut.derive(Map.of(
                "A", Set.of("620123100/x"),
                "B", Set.of("620123100/y", "620123110/z"),
                "C", Set.of("620123110/w"),
                "D", Set.of("620123120/v")));
        // Towns 100 {A, B}, 110 {B, C}, 120 {D}: each town's zones meet the next town's.
        assertEquals(Set.of("B", "C"), adjacency.get("A"));
        assertEquals(Set.of("A", "C", "D"), adjacency.get("B"));
        assertEquals(Set.of("A", "B", "D"), adjacency.get("C"));
        assertEquals(Set.of("B", "C"), adjacency.get("D"));
    }

    @Test
    void aSingleZoneHasNoNeighbours() {
        assertEquals(Map.of("Z", Set.of()), cut.derive(Map.of("Z", Set.of("620123100/x"))));
    }
}
