package org.oneenroll.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.PlanCheckReport;
import org.oneenroll.policy.entity.PlanFinding;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.PointsItem;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/**
 * Each rule of the plan checks on a plan that passes them all, broken one at a time: the rule is named and the
 * message gives the figures an officer needs to put it right.
 */
class PlanChecksTest {

    static final RegionCode COUNTY = RegionCode.of("620121");
    static final Instant NOW = Instant.parse("2027-11-22T02:00:00Z");

    final List<PlanChecks.SchoolFacts> schools = new ArrayList<>(List.of(
            new PlanChecks.SchoolFacts("YD0001", "永登县城关第一小学", SchoolOwnership.PUBLIC, 135),
            new PlanChecks.SchoolFacts("YD0002", "永登县城关第二小学", SchoolOwnership.PUBLIC, 90),
            new PlanChecks.SchoolFacts("YD0009", "永登县育才民办学校", SchoolOwnership.PRIVATE, 45),
            new PlanChecks.SchoolFacts("YD1001", "永登县第一中学", SchoolOwnership.PUBLIC, null)));
    final Map<String, Integer> zonesPerSchool = new HashMap<>(Map.of("YD0001", 2, "YD0002", 1));
    final Map<String, Long> unitsInSeveralZones = new LinkedHashMap<>();
    final List<String> townsWithoutZone = new ArrayList<>();
    final List<String> unitsWithoutZone = new ArrayList<>();
    final List<PlanChecks.Neighbour> neighbours = new ArrayList<>();
    Instant now = NOW;
    EnrollmentPlan previous;
    List<String> changes = List.of();

    /** A 2028 primary plan that meets every rule. */
    final EnrollmentPlan plan = PlanDefaults.draft(
            COUNTY,
            2028,
            Stage.PRIMARY,
            List.of(new PlanSeat("YD0001", 135), new PlanSeat("YD0002", 90), new PlanSeat("YD0009", 45)));

    PlanChecksTest() {
        plan.estimateChildren(250, "县公安局户籍统计（2021年出生）");
    }

    private PlanCheckReport check() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("contact.hotline", "招生咨询电话");
        labels.put("contact.email", "咨询投诉电子邮箱");
        labels.put("guide.fee.text", "九、收费");
        labels.put("materials.PUBLIC.MIGRANT", "材料清单“公办小学、公办初中 · 无房无户（随迁子女）”");
        return PlanChecks.check(
                plan,
                new PlanChecks.Context(
                        now,
                        previous,
                        schools,
                        zonesPerSchool,
                        unitsInSeveralZones,
                        townsWithoutZone,
                        unitsWithoutZone,
                        neighbours,
                        labels,
                        Set.of("HUKOU", "GUARDIAN_ID", "RENTAL", "RESIDENCE_PERMIT", "SOCIAL_INSURANCE"),
                        changes));
    }

    private PlanFinding only(List<PlanFinding> findings, String rule) {
        List<PlanFinding> of =
                findings.stream().filter(f -> f.rule().equals(rule)).toList();
        assertEquals(1, of.size(), () -> rule + " in " + messages(findings));
        return of.get(0);
    }

    private static List<String> messages(List<PlanFinding> findings) {
        return findings.stream().map(f -> f.rule() + ": " + f.message()).toList();
    }

    private void reschedule(
            String opens, String counterOpens, String counterCloses, String reviewEnds, String results, String term) {
        plan.reschedule(
                LocalDateTime.parse(opens).atZone(Clocks.SHANGHAI).toInstant(),
                LocalDateTime.of(2028, 7, 15, 17, 0).atZone(Clocks.SHANGHAI).toInstant(),
                counterOpens == null ? null : LocalDate.parse(counterOpens),
                counterCloses == null ? null : LocalDate.parse(counterCloses),
                reviewEnds == null ? null : LocalDate.parse(reviewEnds),
                results == null ? null : LocalDate.parse(results),
                term == null ? null : LocalDate.parse(term));
    }

    @Test
    void aPlanThatMeetsEveryRuleIsPublishableWithoutWarnings() {
        PlanCheckReport report = check();
        assertEquals(List.of(), messages(report.errors()));
        assertEquals(List.of(), messages(report.warnings()));
        assertTrue(report.publishable());
    }

    @Test
    void everyDateMustBeSetBeforePublishing() {
        reschedule("2028-07-01T08:30", null, null, null, null, null);
        List<PlanFinding> missing = check().errors().stream()
                .filter(f -> f.rule().equals("dates.required"))
                .toList();
        assertEquals(
                List.of(
                        "未填写现场报名（帮办）开始日期：发布前须定下这一日期",
                        "未填写现场报名（帮办）截止日期：发布前须定下这一日期",
                        "未填写资格审核截止日期：发布前须定下这一日期",
                        "未填写录取结果公布日期：发布前须定下这一日期",
                        "未填写开学日期：发布前须定下这一日期"),
                missing.stream().map(PlanFinding::message).toList());
    }

    @Test
    void aPlanIsPublishedTwoMonthsBeforeApplicationsOpen() {
        now = Instant.parse("2028-05-15T02:00:00Z");
        PlanFinding notice = only(check().errors(), "dates.notice");
        assertEquals(
                "报名开始日期2028年7月1日距发布日期2028年5月15日只有47天，不足2个月：招生方案原则上应提前2个月向社会公布，" + "今天发布的计划最早可于2028年7月15日开始报名",
                notice.message());

        now = Instant.parse("2028-04-30T16:00:00Z"); // 1 May in Beijing: exactly two months
        assertFalse(check().refuses("dates.notice"));
    }

    @Test
    void theCounterOpeningFirstCountsForTheNotice() {
        reschedule("2028-07-01T08:30", "2028-06-20", "2028-07-15", "2028-07-31", "2028-08-10", "2028-09-01");
        now = Instant.parse("2028-04-25T02:00:00Z");
        assertTrue(only(check().errors(), "dates.notice").message().startsWith("报名开始日期2028年6月20日距发布日期2028年4月25日只有56天"));
    }

    @Test
    void theWindowAndTermAreInThePlansYear() {
        reschedule("2027-12-01T08:30", "2028-07-01", "2028-07-15", "2028-07-31", "2028-08-10", "2029-09-01");
        List<PlanFinding> years = check().errors().stream()
                .filter(f -> f.rule().equals("dates.year"))
                .toList();
        assertEquals(
                List.of("网上报名开始时间（2027年12月1日 08:30）不在2028年：这是2028年的招生计划", "开学日期（2029年9月1日）不在2028年：这是2028年的招生计划"),
                years.stream().map(PlanFinding::message).toList());
        assertTrue(
                only(check().errors(), "dates.notice").message().contains("只有9天"),
                "9 days from 22 November to 1 December");
    }

    @Test
    void theCounterReviewAndResultsFollowEachOther() {
        reschedule("2028-07-01T08:30", "2028-07-15", "2028-07-01", "2028-07-31", "2028-08-10", "2028-09-01");
        assertEquals(
                "现场报名截止日期2028年7月1日早于开始日期2028年7月15日",
                only(check().errors(), "dates.order").message());

        reschedule("2028-07-01T08:30", "2028-07-01", "2028-07-20", "2028-07-18", "2028-08-10", "2028-09-01");
        assertEquals(
                "资格审核截止日期2028年7月18日早于报名截止日期2028年7月20日：报名全部结束后才能完成审核",
                only(check().errors(), "dates.order").message(),
                "the counter closing after the online window is the end of applications");

        reschedule("2028-07-01T08:30", "2028-07-01", "2028-07-15", "2028-07-31", "2028-07-30", "2028-09-01");
        assertEquals(
                "录取结果公布日期2028年7月30日早于资格审核截止日期2028年7月31日：审核完成后才能录取",
                only(check().errors(), "dates.order").message());
    }

    @Test
    void enrollmentIsFinishedSevenDaysBeforeTerm() {
        reschedule("2028-07-01T08:30", "2028-07-01", "2028-07-15", "2028-07-31", "2028-08-28", "2028-09-01");
        assertEquals(
                "录取结果公布日期2028年8月28日距开学日期2028年9月1日只有4天：整体招生工作应于开学前7日完成，录取结果最迟应在2028年8月25日公布",
                only(check().errors(), "dates.term").message());

        reschedule("2028-07-01T08:30", "2028-07-01", "2028-07-15", "2028-07-31", "2028-08-25", "2028-09-01");
        assertFalse(check().refuses("dates.term"), "seven days before is in time");
    }

    @Test
    void aCorrectionIsHeldToTheNoticeOnlyWhenItBringsTheOpeningForward() {
        previous = PlanDefaults.draft(COUNTY, 2028, Stage.PRIMARY, List.of());
        changes = List.of("网上报名开始时间：…");
        now = Instant.parse("2028-05-01T02:00:00Z");
        reschedule("2028-06-20T08:30", "2028-07-01", "2028-07-15", "2028-07-31", "2028-08-10", "2028-09-01");
        assertEquals(
                "更正把报名开始日期从2028年7月1日提前到2028年6月20日，距更正发布日期2028年5月1日不足2个月：提前报名须提前2个月公布，最早只能提前到2028年7月1日",
                only(check().errors(), "dates.notice").message());

        now = Instant.parse("2028-06-10T02:00:00Z");
        reschedule("2028-07-05T08:30", "2028-07-05", "2028-07-15", "2028-07-31", "2028-08-10", "2028-09-01");
        assertFalse(check().refuses("dates.notice"), "postponing gives families more time");
        reschedule("2028-07-01T08:30", "2028-07-01", "2028-07-15", "2028-07-31", "2028-08-10", "2028-09-01");
        assertFalse(check().refuses("dates.notice"), "an unchanged opening was announced in time");
    }

    @Test
    void aCorrectionThatChangesNothingIsNotPublished() {
        previous = PlanDefaults.draft(COUNTY, 2028, Stage.PRIMARY, List.of());
        changes = List.of();
        assertEquals(
                "与第1版相比没有任何改动，不需要发布更正",
                only(check().errors(), "correction.changed").message());
    }

    @Test
    void aPlanOffersSeats() {
        plan.allocateSeats(List.of());
        assertEquals("没有任何学校安排小学学位", only(check().errors(), "seats.some").message());
    }

    @Test
    void onlyTheCountysSchoolsOfTheStageGetSeats() {
        plan.allocateSeats(
                List.of(new PlanSeat("YD0001", 135), new PlanSeat("XX9999", 30), new PlanSeat("YD1001", 50)));
        assertEquals(
                List.of("学校代码XX9999不是本县开设小学的学校，不能安排学位", "学校代码YD1001不是本县开设小学的学校，不能安排学位"),
                check().errors().stream()
                        .filter(f -> f.rule().equals("seats.school"))
                        .map(PlanFinding::message)
                        .toList());
    }

    @Test
    void aPublicSchoolWithSeatsServesAZone() {
        zonesPerSchool.remove("YD0002");
        assertEquals(
                "永登县城关第二小学安排了90个学位，但没有划定小学招生片区：有学位的公办学校须服务至少一个片区",
                only(check().errors(), "seats.zone").message());

        plan.allocateSeats(List.of(new PlanSeat("YD0001", 135), new PlanSeat("YD0009", 45)));
        assertFalse(check().refuses("seats.zone"), "no seats, no zone needed; private schools serve no zone");
    }

    @Test
    void seatsAboveASchoolsCapacityAreAWarning() {
        plan.allocateSeats(List.of(new PlanSeat("YD0001", 180), new PlanSeat("YD0002", 90)));
        PlanCheckReport report = check();
        assertTrue(report.publishable());
        assertEquals(
                "永登县城关第一小学安排了180个学位，超过学校登记的招生能力135个",
                only(report.warnings(), "seats.capacity").message());
    }

    @Test
    void everyAddressUnitIsInExactlyOneZone() {
        unitsInSeveralZones.put("城关镇东关社区兴隆小区", 2L);
        assertEquals(
                "1个地址单元同时划入了多个小学招生片区：城关镇东关社区兴隆小区（2个片区）。每个地址单元只能属于一个片区",
                only(check().errors(), "zones.unique").message());

        for (int i = 1; i <= 6; i++) {
            unitsInSeveralZones.put("城关镇第" + i + "社区", 3L);
        }
        assertTrue(only(check().errors(), "zones.unique").message().startsWith("7个地址单元"));
        assertTrue(
                only(check().errors(), "zones.unique").message().contains("城关镇第4社区（3个片区）等7个"),
                "five examples, then how many in all");

        townsWithoutZone.addAll(List.of("中堡镇", "武胜驿镇"));
        assertEquals(
                "2个乡镇（街道）没有任何地址单元划入小学招生片区：中堡镇、武胜驿镇。每个地址单元都须属于一个片区",
                only(check().errors(), "zones.cover").message());

        unitsWithoutZone.addAll(List.of("城关镇西关社区嘉禾雅居", "夏官营镇杨家沟村"));
        assertEquals(
                "县里地址清单中有2个地址单元没有划入任何小学招生片区：城关镇西关社区嘉禾雅居、夏官营镇杨家沟村。每个地址单元都须属于一个片区",
                only(check().errors(), "zones.units").message());
    }

    @Test
    void allSixCategoriesAreOrderedOnce() {
        plan.orderCategories(List.of(
                FamilyCategory.HOUSE_AND_HUKOU,
                FamilyCategory.HOUSE_ONLY,
                FamilyCategory.HOUSE_ONLY,
                FamilyCategory.HUKOU_ONLY_RELATIVE,
                FamilyCategory.HUKOU_ONLY_RENTING));
        PlanCheckReport report = check();
        assertEquals(
                "招生类型录取顺序缺少随迁子女、优待对象：六类招生类型都须排定先后",
                only(report.errors(), "tiers.complete").message());
        assertEquals(
                "招生类型“有房无户”在录取顺序中出现了多次", only(report.errors(), "tiers.once").message());
    }

    @Test
    void migrantChildrenAreRankedByTheFourAllowedPointsItems() {
        plan.scorePoints(List.of());
        assertEquals(
                "录取顺序中有随迁子女，但没有积分项目：随迁子女同类型内按积分排序，须公布积分项目",
                only(check().errors(), "points.some").message());

        plan.scorePoints(List.of(
                new PointsItem("EDUCATION", "学历：本科及以上", 10),
                new PointsItem("PROPERTY", "房产类型：本县自有住房", 20),
                new PointsItem("PROPERTY", "房产类型：商品房", 0),
                new PointsItem("RESIDENCE", " ", 150)));
        PlanCheckReport report = check();
        assertEquals(
                "积分项目“学历：本科及以上”不在允许范围内：积分项目只能包括户籍类型、居住情况、从业情况和房产类型",
                only(report.errors(), "points.items").message());
        assertEquals("积分项目“房产类型”出现了多次", only(report.errors(), "points.once").message());
        assertEquals(
                "积分项目“居住情况”没有写明公布的说明", only(report.errors(), "points.label").message());
        assertEquals(
                List.of("积分项目“房产类型：商品房”的分值为0，须在1至100分之间", "积分项目“居住情况”的分值为150，须在1至100分之间"),
                report.errors().stream()
                        .filter(f -> f.rule().equals("points.value"))
                        .map(PlanFinding::message)
                        .toList());
    }

    @Test
    void onlyPrivateSchoolsWithSeatsTakeChoicesAndAtMostFive() {
        plan.ruleChoices(6, List.of("YD0001", "YD0009"));
        PlanCheckReport report = check();
        assertEquals("可填志愿数为6，最多5个", only(report.errors(), "choices.count").message());
        assertEquals(
                "永登县城关第一小学不能接受志愿：只有本计划中有学位的民办学校接受志愿，公办学校按片区就近录取",
                only(report.errors(), "choices.schools").message());

        plan.allocateSeats(List.of(new PlanSeat("YD0001", 135), new PlanSeat("YD0002", 90)));
        plan.ruleChoices(1, List.of("YD0009"));
        assertTrue(only(check().errors(), "choices.schools").message().startsWith("永登县育才民办学校不能接受志愿"), "no seats");
    }

    @Test
    void theLotteryIsOneTheAdmissionProgramRuns() {
        plan.drawBy(LotteryRule.DRAW_PER_SCHOOL);
        assertEquals(
                "摇号规则“每所学校分别摇号”录取程序不支持：本系统为每名儿童生成一个摇号序号、各校共用，以保证录取结果稳定、可复核",
                only(check().errors(), "lottery.supported").message());
    }

    @Test
    void theContactsArePhoneNumbersAndAddressesThatWork() {
        plan.rewriteTexts(Map.of("contact.hotline", "请拨打教育局电话", "contact.email", "zsb.yongdeng"));
        PlanCheckReport report = check();
        assertEquals(
                "招生咨询电话“请拨打教育局电话”不是有效的电话号码：须公布可拨打的咨询投诉电话（如0931-5222222或12345）",
                only(report.errors(), "contacts.phone").message());
        assertEquals(
                "咨询投诉电子邮箱“zsb.yongdeng”格式不正确",
                only(report.errors(), "contacts.email").message());

        plan.rewriteTexts(Map.of("contact.hotline", "0931-6412345", "contact.email", "zsb@yongdeng.example.cn"));
        assertTrue(check().publishable());
    }

    @Test
    void eachFamilyGroupListsKnownMaterials() {
        plan.rewriteTexts(Map.of("materials.PUBLIC.MIGRANT", ""));
        assertEquals(
                "材料清单“公办小学、公办初中 · 无房无户（随迁子女）”没有列出任何材料",
                only(check().errors(), "materials.some").message());

        plan.rewriteTexts(Map.of("materials.PUBLIC.MIGRANT", "HUKOU,PASSPORT"));
        assertEquals(
                "材料清单“公办小学、公办初中 · 无房无户（随迁子女）”列出了未知的材料PASSPORT",
                only(check().errors(), "materials.known").message());
    }

    @Test
    void lastYearsYearInATextIsAWarning() {
        plan.rewriteTexts(Map.of("guide.fee.text", "2027年起不收取任何费用；2022年出生的儿童明年报名。"));
        PlanCheckReport report = check();
        assertTrue(report.publishable());
        assertEquals(
                "九、收费中写有2027年，本计划是2028年的：请核对是否沿用了往年的文字",
                only(report.warnings(), "texts.year").message(),
                "a birth year is no warning");
    }

    @Test
    void aWindowOverlappingANeighbouringCountysIsAWarningWithTheDays() {
        neighbours.add(new PlanChecks.Neighbour(
                "榆中县",
                LocalDateTime.of(2028, 7, 10, 8, 30).atZone(Clocks.SHANGHAI).toInstant(),
                LocalDateTime.of(2028, 7, 31, 17, 0).atZone(Clocks.SHANGHAI).toInstant()));
        neighbours.add(new PlanChecks.Neighbour(
                "皋兰县",
                LocalDateTime.of(2028, 7, 16, 8, 30).atZone(Clocks.SHANGHAI).toInstant(),
                LocalDateTime.of(2028, 7, 25, 17, 0).atZone(Clocks.SHANGHAI).toInstant()));
        PlanCheckReport report = check();
        assertTrue(report.publishable(), "a warning does not block");
        assertEquals(
                "网上报名时间与同市榆中县的报名时间（2028年7月10日 08:30至2028年7月31日 17:00）重叠6天：各地应错开报名时间，避免核验数据集中积压",
                only(report.warnings(), "window.neighbours").message(),
                "10 to 15 July; 皋兰县 opens after ours closes");
    }

    @Test
    void fewerSeatsThanTheEstimatedChildrenIsAWarningWithTheShortfall() {
        plan.estimateChildren(300, "县公安局户籍统计（2021年出生）");
        assertEquals(
                "计划学位共270个，少于适龄儿童估计数300人（来源：县公安局户籍统计（2021年出生）），缺口30个：请核实学位，或提前准备统筹调剂",
                only(check().warnings(), "seats.children").message());

        plan.estimateChildren(300, " ");
        assertTrue(only(check().warnings(), "seats.children").message().contains("（来源：未注明）"));

        plan.estimateChildren(null, null);
        assertEquals(
                "未填写适龄儿童估计数，无法核对学位是否够用（计划学位共270个）。本系统不掌握户籍和出生人口统计，请按公安、卫健或统计部门提供的人数填写",
                only(check().warnings(), "seats.children").message());
    }
}
