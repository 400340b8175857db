package org.oneenroll.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.Allocation;
import org.oneenroll.admission.entity.LotterySeed;
import org.oneenroll.admission.entity.SchoolRow;
import org.oneenroll.admission.entity.UnplacedReason;
import org.oneenroll.admission.entity.WhatIfRequest;
import org.oneenroll.admission.entity.WhatIfView;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.FamilyCategory;

/** What the console shows of the documented example draw (docs/admission.md, worked example). */
class RoundReportsTest {

    static final Map<String, String> NAMES = Map.of("DG01", "东关小学", "BS01", "北山小学", "XG01", "西关小学");

    RoundReports cut = new RoundReports(Locale.SIMPLIFIED_CHINESE);
    Allocation drawn = new AdmissionEngine()
            .run(
                    AdmissionInput.parse(
                            new ByteArrayInputStream(ReplayDrawTest.EXAMPLE.getBytes(StandardCharsets.UTF_8))),
                    LotterySeed.parse(ReplayDrawTest.EXAMPLE_SEED));

    @Test
    void theSchoolTableHasCountsCutOffsAndNames() {
        List<SchoolRow> rows = cut.schools(drawn, NAMES);
        assertEquals(
                List.of("BS01", "DG01", "MB01", "XG01"),
                rows.stream().map(SchoolRow::code).toList());
        SchoolRow bs = rows.get(0);
        assertEquals("北山小学", bs.name());
        assertEquals(3, bs.seats());
        assertEquals(1, bs.admitted());
        assertEquals(1, bs.reallocated());
        assertEquals(1, bs.left());
        assertEquals("未录满（报名即录取）", bs.cutoff());
        SchoolRow dg = rows.get(1);
        assertEquals(0, dg.left());
        assertEquals("本片区有房无户，摇号序号8", dg.cutoff());
        assertTrue(rows.get(2).privateSchool());
        assertEquals("MB01", rows.get(2).name(), "a school without a known name shows its code");
    }

    @Test
    void aReallocatedChildReadsWhyAndWhere() {
        String text = cut.explanation(drawn, "620123-2026-X-000002");
        assertTrue(text.startsWith("所填学校均已录满，调剂到学校BS01，距本片区2个相邻片区"), text);
        assertTrue(text.contains("本片区学校DG01：已录满，未录取"), text);
    }

    @Test
    void unplacedChildrenGetAReasonAndAFollowUp() {
        assertEquals("住址不在任何招生片区内，所填学校均已录满", cut.reason(UnplacedReason.NO_HOME_ZONE));
        assertEquals("核实家庭住址，划入招生片区后统筹安排", cut.followUp(UnplacedReason.NO_HOME_ZONE));
        for (UnplacedReason r : UnplacedReason.values()) {
            assertTrue(!cut.followUp(r).startsWith("admission."), r + " has a follow-up text");
        }
    }

    @Test
    void oneMoreSeatAtTheZoneSchoolKeepsTheMigrantChildAtHome() {
        WhatIfView view = cut.whatIf(drawn, new WhatIfRequest(Map.of("DG01", 3), null), NAMES);
        WhatIfView.SchoolDiff dg = view.schools().stream()
                .filter(s -> s.code().equals("DG01"))
                .findFirst()
                .orElseThrow();
        assertEquals(2, dg.seatsBefore());
        assertEquals(3, dg.seatsAfter());
        assertEquals(3, dg.admittedAfter());
        assertEquals(
                List.of(new WhatIfView.ChildDiff("620123-2026-X-000002", "调剂至：北山小学", "片区学校录取：东关小学")), view.children());
        assertEquals(1, view.childrenMoved());
    }

    @Test
    void aWhatIfWithAnUnknownSchoolIsRefusedInChinese() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> cut.whatIf(drawn, new WhatIfRequest(Map.of("ZZ99", 3), null), NAMES));
        assertTrue(e.getMessage().contains("ZZ99"), e.getMessage());
    }

    @Test
    void aCategoryOrderVariantComparesWithTheSameNumbers() {
        WhatIfView view = cut.whatIf(
                drawn,
                new WhatIfRequest(
                        Map.of(),
                        List.of(
                                FamilyCategory.MIGRANT,
                                FamilyCategory.PREFERENTIAL,
                                FamilyCategory.HOUSE_AND_HUKOU,
                                FamilyCategory.HOUSE_ONLY,
                                FamilyCategory.HUKOU_ONLY_RELATIVE,
                                FamilyCategory.HUKOU_ONLY_RENTING)),
                NAMES);
        // Migrants first: the Z1 migrant child takes DG01 and the house-only child of Z1 is reallocated instead.
        assertTrue(
                view.children().stream()
                        .anyMatch(c -> c.caseNumber().equals("620123-2026-X-000002")
                                && c.after().equals("片区学校录取：东关小学")),
                view.children().toString());
        assertTrue(
                view.children().stream()
                        .anyMatch(c -> c.caseNumber().equals("620123-2026-X-000004")
                                && c.before().equals("片区学校录取：东关小学")),
                view.children().toString());
    }
}
