package org.oneenroll.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/** The zone sheet's judgement of rows: zones grouped from their unit rows, bad rows reported with the reason. */
class ZoneSheetTest {

    static final Map<String, ZoneSheet.SchoolFacts> SCHOOLS = Map.of(
            "YZT0001", new ZoneSheet.SchoolFacts("城关第一小学", SchoolOwnership.PUBLIC, Set.of(Stage.PRIMARY)),
            "YZT0002", new ZoneSheet.SchoolFacts("城关第二小学", SchoolOwnership.PUBLIC, Set.of(Stage.PRIMARY)),
            "YZT0003", new ZoneSheet.SchoolFacts("城关中学", SchoolOwnership.PUBLIC, Set.of(Stage.JUNIOR)),
            "YZT0009", new ZoneSheet.SchoolFacts("育才实验学校", SchoolOwnership.PRIVATE, Set.of(Stage.PRIMARY)));
    static final ZoneSheet.Context COUNTY = context(Map.of());

    static ZoneSheet.Context context(Map<String, Stage> zones) {
        return new ZoneSheet.Context(
                SchoolSheetTest.COUNTY, "甘肃省 兰州市 榆中县", SchoolSheetTest.TOWNS, SCHOOLS, zones, Set.of("620102-P-01"));
    }

    static SetupSheets.Line row(
            int n,
            String code,
            String name,
            String stage,
            String schools,
            String town,
            String community,
            String compound) {
        return new SetupSheets.Line(n, List.of(code, name, stage, schools, town, "", community, compound));
    }

    ZoneSheet.Parsed parse(ZoneSheet.Context context, SetupSheets.Line... rows) {
        List<SetupSheets.Line> lines = new ArrayList<>();
        lines.add(new SetupSheets.Line(1, ZoneSheet.HEADERS));
        lines.addAll(List.of(rows));
        return ZoneSheet.parse(new SetupSheets.Table(ZoneSheet.SHEET, lines), context);
    }

    @Test
    void unitRowsOfAZoneMakeOneZone() {
        ZoneSheet.Parsed cut = parse(
                COUNTY,
                row(2, "620123-P-91", "城关学区", "小学", "YZT0001、YZT0002", "620123100", "东关社区", "金城小区"),
                row(3, "620123-P-91", "城关学区", "小学", "YZT0002,YZT0001", "620123100", "东关社区", "兴隆小区"),
                row(4, "620123-J-91", "城关初中学区", "初中", "YZT0003", "620123100", "东关社区", ""));

        assertEquals(List.of(), cut.problems());
        assertEquals(2, cut.zones().size());
        ZoneSheet.ZoneRows primary = cut.zones().get(0);
        assertEquals("620123-P-91", primary.code());
        assertEquals(Stage.PRIMARY, primary.stage());
        assertEquals(Set.of("YZT0001", "YZT0002"), primary.schoolCodes());
        assertEquals(List.of("620123100/东关社区/金城小区", "620123100/东关社区/兴隆小区"), List.copyOf(primary.unitKeys()));
        assertFalse(primary.rowsRefused());
        assertEquals(Set.of("620123100/东关社区"), cut.zones().get(1).unitKeys());
    }

    @Test
    void aPrivateSchoolListedInAZoneRefusesTheRow() {
        ZoneSheet.Parsed cut =
                parse(COUNTY, row(2, "620123-P-91", "城关学区", "小学", "YZT0001、YZT0009", "620123100", "东关社区", "金城小区"));

        assertEquals(List.of(), cut.zones());
        SheetProblem p = cut.problems().get(0);
        assertEquals(2, p.row());
        assertEquals(ZoneSheet.SCHOOLS, p.column());
        assertEquals("setup.zone.school-private", p.key());
        assertEquals("学校“YZT0009”（育才实验学校）是民办学校，民办学校不划招生片区", p.reason());
    }

    @Test
    void aSchoolMustBeOfTheCountyAndTeachTheZonesStage() {
        ZoneSheet.Parsed cut = parse(
                COUNTY,
                row(2, "620123-P-91", "城关学区", "小学", "YZT0003", "620123100", "东关社区", ""),
                row(3, "620123-P-92", "西关学区", "小学", "YZT9999", "620123100", "西关社区", ""),
                row(4, "620123-P-93", "北关学区", "小学", "", "620123100", "北关社区", ""));

        assertEquals(
                List.of("setup.zone.school-stage", "setup.zone.school-unknown", "setup.zone.no-school"), keys(cut));
        assertEquals(List.of(), cut.zones());
    }

    @Test
    void rowsOfOneZoneMustAgreeOnItsNameStageAndSchools() {
        ZoneSheet.Parsed cut = parse(
                COUNTY,
                row(2, "620123-P-91", "城关学区", "小学", "YZT0001", "620123100", "东关社区", "金城小区"),
                row(3, "620123-P-91", "城关片区", "小学", "YZT0001、YZT0002", "620123100", "东关社区", "兴隆小区"));

        assertEquals(List.of("setup.zone.differs", "setup.zone.differs"), keys(cut));
        assertEquals(
                List.of(ZoneSheet.NAME, ZoneSheet.SCHOOLS),
                cut.problems().stream().map(SheetProblem::column).toList());
        assertEquals("片区名称与本片区第2行的“城关学区”不一致：同一片区代码的各行应相同", cut.problems().get(0).reason());
        ZoneSheet.ZoneRows zone = cut.zones().get(0);
        assertEquals(Set.of("620123100/东关社区/金城小区"), zone.unitKeys(), "the good row is kept");
        assertTrue(zone.rowsRefused(), "so the import only adds to this zone");
    }

    @Test
    void anUnknownTownRefusesTheRowAndTheZoneOnlyGains() {
        ZoneSheet.Parsed cut = parse(
                COUNTY,
                row(2, "620123-P-91", "城关学区", "小学", "YZT0001", "620123100", "东关社区", "金城小区"),
                row(3, "620123-P-91", "城关学区", "小学", "YZT0001", "620123999", "东关社区", "兴隆小区"));

        assertEquals(List.of("setup.town.unknown"), keys(cut));
        assertEquals(ZoneSheet.TOWN_CODE, cut.problems().get(0).column());
        assertTrue(cut.zones().get(0).rowsRefused());
    }

    @Test
    void aZoneKeepsItsStageAndACodeOfAnotherCountyIsRefused() {
        ZoneSheet.Parsed cut = parse(
                context(Map.of("620123-P-91", Stage.PRIMARY)),
                row(2, "620123-P-91", "城关学区", "初中", "YZT0003", "620123100", "东关社区", ""),
                row(3, "620102-P-01", "城关学区", "小学", "YZT0001", "620123100", "西关社区", ""));

        assertEquals(List.of("setup.zone.stage-fixed", "setup.zone.code-elsewhere"), keys(cut));
    }

    @Test
    void aUnitListedTwiceForAZoneIsReportedOnce() {
        ZoneSheet.Parsed cut = parse(
                COUNTY,
                row(2, "620123-P-91", "城关学区", "小学", "YZT0001", "620123100", "东关社区", "金城小区"),
                row(3, "620123-P-91", "城关学区", "小学", "YZT0001", "620123100", "东关社区", "金城小区"));

        assertEquals(List.of("setup.zone.unit-twice"), keys(cut));
        assertEquals(3, cut.problems().get(0).row());
        assertEquals("该地址单元在本片区的第2行已经列出", cut.problems().get(0).reason());
    }

    @Test
    void rowsWithoutAZoneListUnitsOfTheAddressList() {
        ZoneSheet.Parsed cut = parse(
                COUNTY,
                row(2, "", "", "", "", "620123101", "李家庄村", "一社"),
                row(3, "", "", "", "", "", "", ""),
                row(4, "620123-P-91", "城关学区", "小学", "YZT0001", "620123100", "东关社区", "金城小区"),
                row(5, "", "", "", "", "620123100", "东关社区", "金城小区"));

        assertEquals(List.of(), cut.problems());
        assertEquals(Set.of("620123101/李家庄村/一社"), cut.unitsWithoutZone(), "a zoned unit is not listed again");
    }

    @Test
    void aSheetWithoutTheUnitColumnsIsRefusedWhole() {
        ZoneSheet.Parsed cut = ZoneSheet.parse(
                new SetupSheets.Table(
                        ZoneSheet.SHEET, List.of(new SetupSheets.Line(1, List.of("片区代码", "片区名称", "学段", "学校代码")))),
                COUNTY);

        assertTrue(cut.headerRefused());
        assertTrue(cut.problems().get(0).reason().startsWith("表头缺少列：乡镇（街道）代码、社区（村）、小区。"));
    }

    @Test
    void anExportReadBackGivesTheSameZones() {
        List<ZoneSheet.UnitLine> lines = List.of(
                new ZoneSheet.UnitLine(
                        "620123-P-91", "城关学区", Stage.PRIMARY, Set.of("YZT0001", "YZT0002"), "620123100/东关社区/金城小区"),
                new ZoneSheet.UnitLine(
                        "620123-P-91", "城关学区", Stage.PRIMARY, Set.of("YZT0001", "YZT0002"), "620123100/西关社区"),
                new ZoneSheet.UnitLine(null, null, null, null, "620123101/李家庄村/一社"));

        byte[] xlsx = ZoneSheet.workbook(lines, lines.get(0), COUNTY);
        ZoneSheet.Parsed cut = ZoneSheet.parse(SetupSheets.read(xlsx, ZoneSheet.SHEET), COUNTY);

        assertEquals(List.of(), cut.problems());
        assertEquals(1, cut.zones().size());
        assertEquals(
                Set.of("620123100/东关社区/金城小区", "620123100/西关社区"),
                cut.zones().get(0).unitKeys());
        assertEquals(Set.of("620123101/李家庄村/一社"), cut.unitsWithoutZone());
    }

    static List<String> keys(ZoneSheet.Parsed parsed) {
        return parsed.problems().stream().map(SheetProblem::key).toList();
    }
}
