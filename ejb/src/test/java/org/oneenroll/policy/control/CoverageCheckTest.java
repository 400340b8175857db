package org.oneenroll.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneenroll.policy.entity.Stage;

/** The coverage report: what no zone takes, what two zones claim, per stage. */
class CoverageCheckTest {

    static final Map<String, String> TOWNS = SchoolSheetTest.TOWNS;

    @Test
    void unitsNoZoneTakesAndUnitsTwoZonesClaimAreListedPerStage() {
        List<CoverageCheck.ZoneFacts> zones = List.of(
                new CoverageCheck.ZoneFacts(
                        "P-01",
                        "城关学区",
                        Stage.PRIMARY,
                        Set.of("620123100/东关社区/金城小区", "620123100/东关社区/兴隆小区"),
                        Set.of("YZT0001")),
                new CoverageCheck.ZoneFacts("P-02", "西关学区", Stage.PRIMARY, Set.of("620123100/东关社区/兴隆小区"), Set.of()),
                new CoverageCheck.ZoneFacts(
                        "J-01",
                        "城关初中学区",
                        Stage.JUNIOR,
                        Set.of("620123100/东关社区/金城小区", "620123100/东关社区/兴隆小区", "620123101/李家庄村/十社"),
                        Set.of("YZT0003")));
        List<String> known = List.of(
                "620123101/李家庄村/十社",
                "620123101/李家庄村/二社",
                // a school's address: the community is split into compounds, so it is known by them
                "620123100/东关社区");

        CoverageCheck.Report cut = CoverageCheck.of(known, zones, TOWNS);

        assertEquals(4, cut.knownUnits());
        CoverageCheck.StageReport primary = cut.stages().get(0);
        assertEquals(Stage.PRIMARY, primary.stage());
        assertEquals(
                List.of("夏官营镇 李家庄村 二社", "夏官营镇 李家庄村 十社"),
                primary.unzoned().stream().map(CoverageCheck.Unit::label).toList(),
                "二社 before 十社");
        assertEquals(1, primary.overlaps().size());
        assertEquals("城关镇 东关社区 兴隆小区", primary.overlaps().get(0).unit().label());
        assertEquals(List.of("P-01", "P-02"), primary.overlaps().get(0).zoneCodes());
        assertEquals(List.of("夏官营镇（620123101）"), primary.townsWithoutZone());
        assertEquals(List.of("西关学区（P-02）"), primary.zonesWithoutSchool());
        assertFalse(primary.clean());

        CoverageCheck.StageReport junior = cut.stages().get(1);
        assertEquals(
                List.of("夏官营镇 李家庄村 二社"),
                junior.unzoned().stream().map(CoverageCheck.Unit::label).toList());
        assertEquals(List.of(), junior.overlaps());
        assertEquals(List.of(), junior.townsWithoutZone());
        assertFalse(cut.clean());
    }

    @Test
    void aCountyEveryAddressOfWhichHasOneZonePerStageIsClean() {
        Set<String> all = Set.of("620123100/东关社区", "620123101/李家庄村/一社");
        CoverageCheck.Report cut = CoverageCheck.of(
                all,
                List.of(
                        new CoverageCheck.ZoneFacts("P-01", "一", Stage.PRIMARY, all, Set.of("A")),
                        new CoverageCheck.ZoneFacts("J-01", "二", Stage.JUNIOR, all, Set.of("B"))),
                TOWNS);

        assertTrue(cut.clean());
        assertEquals(2, cut.stages().get(0).zonedUnits());
    }
}
