package org.oneenroll.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.policy.entity.SchoolCapacity;
import org.oneenroll.policy.entity.SchoolDetails;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/** The school sheet's judgement of rows, as a county officer would read the report. */
class SchoolSheetTest {

    static final RegionCode COUNTY = RegionCode.of("620123");
    static final Map<String, String> TOWNS = new LinkedHashMap<>(Map.of("620123100", "城关镇"));

    static {
        TOWNS.put("620123101", "夏官营镇");
    }

    static final SchoolSheet.Context EMPTY_COUNTY = context(Set.of(), Map.of());

    final SetupSheets.Line header = new SetupSheets.Line(1, SchoolSheet.HEADERS);

    static SchoolSheet.Context context(Set<String> elsewhere, Map<String, SchoolSheet.SchoolUse> uses) {
        return new SchoolSheet.Context(COUNTY, "甘肃省 兰州市 榆中县", TOWNS, elsewhere, uses);
    }

    /** A row in the template's column order; unlisted cells blank. */
    static SetupSheets.Line row(int number, String... cells) {
        List<String> all = new ArrayList<>(Arrays.asList(cells));
        while (all.size() < SchoolSheet.HEADERS.size()) {
            all.add("");
        }
        return new SetupSheets.Line(number, all);
    }

    static SetupSheets.Line good(int number, String code) {
        return row(
                number,
                code,
                "城关第一小学",
                "公办",
                "小学",
                "620123100",
                "城关镇",
                "东关社区",
                "",
                "兴隆路12号",
                "270",
                "6",
                "",
                "",
                "0931-5221234");
    }

    SchoolSheet.Parsed parse(SchoolSheet.Context context, SetupSheets.Line... rows) {
        List<SetupSheets.Line> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(List.of(rows));
        return SchoolSheet.parse(new SetupSheets.Table(SchoolSheet.SHEET, lines), context);
    }

    @Test
    void aGoodRowBecomesTheSchoolItDescribes() {
        SchoolSheet.Parsed cut = parse(EMPTY_COUNTY, good(2, "YZT0001"));

        assertEquals(List.of(), cut.problems());
        assertEquals(1, cut.rowsRead());
        SchoolDetails s = cut.rows().get(0).details();
        assertEquals("YZT0001", s.code());
        assertEquals(SchoolOwnership.PUBLIC, s.ownership());
        assertEquals("620123100/东关社区", s.address().unitKey());
        assertEquals("兴隆路12号", s.address().detail());
        assertEquals(List.of(new SchoolCapacity(Stage.PRIMARY, 270, 6)), s.capacities());
        assertEquals("0931-5221234", s.phone());
    }

    @Test
    void aSheetWithoutAColumnIsRefusedWholeAtItsHeader() {
        List<String> headers = new ArrayList<>(SchoolSheet.HEADERS);
        headers.remove(SchoolSheet.PHONE);
        headers.remove(SchoolSheet.OWNERSHIP);
        SchoolSheet.Parsed cut = SchoolSheet.parse(
                new SetupSheets.Table(SchoolSheet.SHEET, List.of(new SetupSheets.Line(1, headers), good(2, "YZT0001"))),
                EMPTY_COUNTY);

        assertTrue(cut.headerRefused());
        assertEquals(List.of(), cut.rows());
        assertEquals(1, cut.problems().size());
        SheetProblem p = cut.problems().get(0);
        assertEquals(1, p.row());
        assertEquals("setup.header.missing", p.key());
        assertTrue(p.reason().startsWith("表头缺少列：办学性质、联系电话。"), p.reason());
    }

    @Test
    void columnsAreFoundByTheirNamesInAnyOrderAsPeopleRetypeThem() {
        List<String> headers = new ArrayList<>(SchoolSheet.HEADERS);
        headers.remove(SchoolSheet.TOWN_NAME);
        java.util.Collections.reverse(headers);
        headers.replaceAll(h -> h.replace('（', '(').replace('）', ')') + " ");
        List<String> cells = new ArrayList<>(good(2, "YZT0001").cells());
        cells.remove(5);
        java.util.Collections.reverse(cells);

        SchoolSheet.Parsed cut = SchoolSheet.parse(
                new SetupSheets.Table(
                        SchoolSheet.SHEET, List.of(new SetupSheets.Line(1, headers), new SetupSheets.Line(2, cells))),
                EMPTY_COUNTY);

        assertEquals(List.of(), cut.problems());
        assertEquals("YZT0001", cut.rows().get(0).details().code());
    }

    @Test
    void aRepeatedColumnIsReported() {
        List<String> headers = new ArrayList<>(SchoolSheet.HEADERS);
        headers.add(SchoolSheet.CODE);
        SchoolSheet.Parsed cut = SchoolSheet.parse(
                new SetupSheets.Table(SchoolSheet.SHEET, List.of(new SetupSheets.Line(1, headers))), EMPTY_COUNTY);

        assertTrue(cut.headerRefused());
        assertEquals("setup.header.twice", cut.problems().get(0).key());
    }

    @Test
    void aCodeTwiceRefusesEveryRowThatHasItAndKeepsTheOthers() {
        SchoolSheet.Parsed cut = parse(EMPTY_COUNTY, good(2, "YZT0001"), good(3, "YZT0002"), good(4, "yzt0001"));

        assertEquals(List.of("YZT0002"), codes(cut));
        assertEquals(List.of(2, 4), rows(cut, "setup.school.code-twice"));
        assertEquals("学校代码“YZT0001”在第2、4行重复出现，请只保留一行", cut.problems().get(0).reason());
        assertEquals(SchoolSheet.CODE, cut.problems().get(0).column());
        assertEquals(2, cut.rowsRefused());
    }

    @Test
    void aTownMustBeATownOfTheCounty() {
        SetupSheets.Line otherCounty = good(2, "YZT0001");
        List<String> cells = new ArrayList<>(otherCounty.cells());
        cells.set(4, "620102001");
        cells.set(5, "");
        SchoolSheet.Parsed cut = parse(EMPTY_COUNTY, new SetupSheets.Line(2, cells));

        assertEquals(List.of(), cut.rows());
        SheetProblem p = cut.problems().get(0);
        assertEquals("setup.town.unknown", p.key());
        assertEquals(SchoolSheet.TOWN_CODE, p.column());
        assertEquals("乡镇（街道）代码“620102001”不是甘肃省 兰州市 榆中县的乡镇（街道），请查看“填写说明”中的代码表", p.reason());
    }

    @Test
    void aTownMayBeGivenByNameAloneButNameAndCodeMustAgree() {
        List<String> byName = new ArrayList<>(good(2, "YZT0001").cells());
        byName.set(4, "");
        byName.set(5, "夏官营镇");
        List<String> disagree = new ArrayList<>(good(3, "YZT0002").cells());
        disagree.set(5, "夏官营镇");

        SchoolSheet.Parsed cut =
                parse(EMPTY_COUNTY, new SetupSheets.Line(2, byName), new SetupSheets.Line(3, disagree));

        assertEquals("620123101", cut.rows().get(0).details().address().townCode());
        assertEquals(List.of(3), rows(cut, "setup.town.name-mismatch"));
    }

    @Test
    void seatsMustBeAWholeNumberOfZeroOrMore() {
        SetupSheets.Line words = row(
                2, "YZT0001", "城关第一小学", "公办", "小学", "620123100", "", "东关社区", "", "", "一百", "6", "", "", "0931-5221234");
        SetupSheets.Line negative = row(
                3,
                "YZT0002",
                "城关第二小学",
                "公办",
                "小学",
                "620123100",
                "",
                "东关社区",
                "",
                "",
                "-45",
                "1",
                "",
                "",
                "0931-5221235");
        SetupSheets.Line fraction = row(
                4,
                "YZT0003",
                "城关第三小学",
                "公办",
                "小学",
                "620123100",
                "",
                "东关社区",
                "",
                "",
                "45.5",
                "1",
                "",
                "",
                "0931-5221236");

        SchoolSheet.Parsed cut = parse(EMPTY_COUNTY, words, negative, fraction);

        assertEquals(List.of(), cut.rows());
        assertEquals(List.of(2, 4), rows(cut, "setup.number.not-whole"));
        assertEquals(List.of(3), rows(cut, "setup.number.negative"));
        assertEquals("小学学位数应为整数，填写的是“一百”", cut.problems().get(0).reason());
        assertEquals(SchoolSheet.PRIMARY_SEATS, cut.problems().get(0).column());
    }

    @Test
    void seatsNeedClassesAndNoMoreThanFiftySixToAClass() {
        SetupSheets.Line noClasses = row(
                2, "YZT0001", "城关第一小学", "公办", "小学", "620123100", "", "东关社区", "", "", "270", "", "", "", "0931-5221234");
        SetupSheets.Line crowded = row(
                3,
                "YZT0002",
                "城关第二小学",
                "公办",
                "小学",
                "620123100",
                "",
                "东关社区",
                "",
                "",
                "2700",
                "6",
                "",
                "",
                "0931-5221235");

        SchoolSheet.Parsed cut = parse(EMPTY_COUNTY, noClasses, crowded);

        assertEquals(List.of(2), rows(cut, "school.seats-without-classes"));
        assertEquals(SchoolSheet.PRIMARY_CLASSES, cut.problems().get(0).column());
        assertEquals("小学有270个学位，但没有填写班数：有学位必须有班数", cut.problems().get(0).reason());
        assertEquals(List.of(3), rows(cut, "school.class-too-large"));
    }

    @Test
    void seatsOfAStageTheSchoolDoesNotTeachAreRefused() {
        SetupSheets.Line row = row(
                2,
                "YZT0001",
                "城关第一小学",
                "公办",
                "小学",
                "620123100",
                "",
                "东关社区",
                "",
                "",
                "270",
                "6",
                "450",
                "9",
                "0931-5221234");

        SchoolSheet.Parsed cut = parse(EMPTY_COUNTY, row);

        assertEquals(List.of(2), rows(cut, "setup.school.stage-not-taught"));
        assertEquals(SchoolSheet.JUNIOR_SEATS, cut.problems().get(0).column());
    }

    @Test
    void aMalformedPhoneIsRefusedAndEveryOtherReasonOfTheRowWithIt() {
        SetupSheets.Line row =
                row(2, "YZT0001", "", "国办", "小学", "620123100", "", "东关社区", "", "", "270", "6", "", "", "5221234");

        SchoolSheet.Parsed cut = parse(EMPTY_COUNTY, row);

        assertEquals(List.of(), cut.rows());
        assertEquals(
                List.of("field.required", "setup.school.ownership", "school.phone"),
                cut.problems().stream().map(SheetProblem::key).toList());
        assertEquals(
                List.of(SchoolSheet.NAME, SchoolSheet.OWNERSHIP, SchoolSheet.PHONE),
                cut.problems().stream().map(SheetProblem::column).toList());
        assertEquals(1, cut.rowsRefused(), "a row with three reasons is one row refused");
        assertTrue(cut.problems().get(2).reason().startsWith("联系电话“5221234”格式不正确"));
    }

    @Test
    void aMobileNumberAndAnExtensionAreAcceptedAsPhones() {
        List<String> mobile = new ArrayList<>(good(2, "YZT0001").cells());
        mobile.set(13, "139 3100 1234");
        List<String> extension = new ArrayList<>(good(3, "YZT0002").cells());
        extension.set(13, "09315221234-802");

        SchoolSheet.Parsed cut =
                parse(EMPTY_COUNTY, new SetupSheets.Line(2, mobile), new SetupSheets.Line(3, extension));

        assertEquals(List.of(), cut.problems());
        assertEquals("13931001234", cut.rows().get(0).details().phone());
        assertEquals("09315221234-802", cut.rows().get(1).details().phone());
    }

    @Test
    void aCodeOfAnotherCountysSchoolIsRefused() {
        SchoolSheet.Parsed cut = parse(context(Set.of("YZT0001"), Map.of()), good(2, "YZT0001"));

        assertEquals(List.of(2), rows(cut, "setup.school.code-elsewhere"));
    }

    @Test
    void aZonedSchoolCannotBecomePrivateNorDropTheStageItsZonesNeed() {
        SchoolSheet.SchoolUse zoned = new SchoolSheet.SchoolUse(
                SchoolOwnership.PUBLIC, Map.of(Stage.PRIMARY, List.of("620123-P-01")), Set.of());
        List<String> madePrivate = new ArrayList<>(good(2, "YZT0001").cells());
        madePrivate.set(2, "民办");
        SetupSheets.Line juniorOnly = row(
                3, "YZT0002", "城关中学", "公办", "初中", "620123100", "", "东关社区", "", "", "", "", "450", "9", "0931-5221234");

        SchoolSheet.Parsed cut = parse(
                context(Set.of(), Map.of("YZT0001", zoned, "YZT0002", zoned)),
                new SetupSheets.Line(2, madePrivate),
                juniorOnly);

        assertEquals(List.of(2), rows(cut, "setup.school.zoned-private"));
        assertEquals(List.of(3), rows(cut, "setup.school.zoned-stage"));
        assertEquals(SchoolSheet.STAGES, cut.problems().get(1).column());
    }

    @Test
    void aSchoolWithSeatsInAPublishedPlanKeepsItsOwnershipButItsNameMayChange() {
        SchoolSheet.SchoolUse planned =
                new SchoolSheet.SchoolUse(SchoolOwnership.PUBLIC, Map.of(), Set.of(Stage.PRIMARY));
        List<String> renamed = new ArrayList<>(good(2, "YZT0001").cells());
        renamed.set(1, "城关第一实验小学");
        List<String> madePrivate = new ArrayList<>(good(3, "YZT0002").cells());
        madePrivate.set(2, "民办");

        SchoolSheet.Parsed cut = parse(
                context(Set.of(), Map.of("YZT0001", planned, "YZT0002", planned)),
                new SetupSheets.Line(2, renamed),
                new SetupSheets.Line(3, madePrivate));

        assertEquals(List.of("YZT0001"), codes(cut));
        assertEquals(List.of(3), rows(cut, "setup.school.planned-ownership"));
    }

    @Test
    void theExampleRowIsSkipped() {
        SchoolSheet.Parsed cut = parse(EMPTY_COUNTY, good(2, SchoolSheet.EXAMPLE), good(3, "YZT0001"));

        assertEquals(List.of(), cut.problems());
        assertEquals(List.of("YZT0001"), codes(cut));
        assertEquals(1, cut.rowsRead());
    }

    @Test
    void stagesAndOwnershipAreReadAsPeopleWriteThem() {
        assertEquals(
                Set.of(Stage.PRIMARY, Stage.JUNIOR),
                SchoolSheet.stageSet("小学，初中").orElseThrow());
        assertEquals(
                Set.of(Stage.PRIMARY, Stage.JUNIOR),
                SchoolSheet.stageSet("九年一贯制").orElseThrow());
        assertEquals(Set.of(Stage.JUNIOR), SchoolSheet.stageSet(" 初中 ").orElseThrow());
        assertFalse(SchoolSheet.stageSet("高中").isPresent());
        assertEquals(SchoolOwnership.PRIVATE, SchoolSheet.ownership("民办").orElseThrow());
        assertFalse(SchoolSheet.ownership("国办").isPresent());
    }

    @Test
    void anExportReadBackGivesTheSameSchools() {
        SchoolSheet.Parsed first = parse(
                EMPTY_COUNTY,
                good(2, "YZT0001"),
                row(
                        3,
                        "YZT0002",
                        "榆中县九年制学校",
                        "公办",
                        "小学、初中",
                        "620123101",
                        "夏官营镇",
                        "李家庄村",
                        "二社",
                        "",
                        "90",
                        "2",
                        "100",
                        "2",
                        "13931001234"));
        List<SchoolDetails> schools =
                first.rows().stream().map(SchoolSheet.Good::details).toList();

        byte[] xlsx = SchoolSheet.workbook(schools, schools.get(0), EMPTY_COUNTY);
        SchoolSheet.Parsed cut = SchoolSheet.parse(SetupSheets.read(xlsx, SchoolSheet.SHEET), EMPTY_COUNTY);

        assertEquals(List.of(), cut.problems());
        assertEquals(
                schools, cut.rows().stream().map(SchoolSheet.Good::details).toList(), "the example row is skipped");
    }

    static List<String> codes(SchoolSheet.Parsed parsed) {
        return parsed.rows().stream().map(g -> g.details().code()).toList();
    }

    static List<Integer> rows(SchoolSheet.Parsed parsed, String key) {
        return parsed.problems().stream()
                .filter(p -> p.key().equals(key))
                .map(SheetProblem::row)
                .toList();
    }
}
