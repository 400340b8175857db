package org.oneenroll.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.PointsItem;
import org.oneenroll.policy.entity.Stage;

/** The record of what a correction changed, as the public plan page lists it: one line per field, old and new. */
class PlanDiffTest {

    static final RegionCode COUNTY = RegionCode.of("620121");

    final EnrollmentPlan published = PlanDefaults.draft(
            COUNTY, 2028, Stage.PRIMARY, List.of(new PlanSeat("YD0001", 135), new PlanSeat("YD0009", 45)));
    final PlanDiff.Names names;

    PlanDiffTest() {
        published.publish(
                LocalDateTime.of(2027, 11, 22, 10, 0).atZone(Clocks.SHANGHAI).toInstant(), "a", null, List.of());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("contact.hotline", "招生咨询电话");
        labels.put("guide.fee.text", "九、收费");
        labels.put("materials.PUBLIC.MIGRANT", "材料清单“公办 · 随迁子女”");
        names = new PlanDiff.Names(
                Map.of("YD0001", "城关第一小学", "YD0002", "城关第二小学", "YD0009", "育才民办学校"),
                labels,
                Map.of(
                        "contact.hotline", "12345",
                        "guide.fee.text", "不收费。",
                        "materials.PUBLIC.MIGRANT", "HUKOU,GUARDIAN_ID,RESIDENCE_PERMIT"),
                Map.of("HUKOU", "户口本信息", "GUARDIAN_ID", "法定监护人身份证", "RESIDENCE_PERMIT", "居住证", "RENTAL", "租房合同"));
    }

    @Test
    void anUnchangedCorrectionHasNoLines() {
        assertEquals(List.of(), PlanDiff.lines(published, published.correction("b"), names));
    }

    @Test
    void eachChangedFieldIsOneLineWithTheOldAndTheNewValue() {
        EnrollmentPlan cut = published.correction("county.admin");
        cut.reschedule(
                LocalDateTime.of(2028, 7, 3, 8, 30).atZone(Clocks.SHANGHAI).toInstant(),
                cut.onlineCloses(),
                cut.counterOpens(),
                cut.counterCloses(),
                cut.reviewEnds(),
                LocalDate.of(2028, 8, 12),
                cut.termStarts());
        cut.allocateSeats(List.of(new PlanSeat("YD0001", 180), new PlanSeat("YD0002", 90)));
        cut.orderCategories(List.of(
                FamilyCategory.PREFERENTIAL,
                FamilyCategory.HOUSE_AND_HUKOU,
                FamilyCategory.HOUSE_ONLY,
                FamilyCategory.HUKOU_ONLY_RELATIVE,
                FamilyCategory.HUKOU_ONLY_RENTING,
                FamilyCategory.MIGRANT));
        cut.scorePoints(List.of(new PointsItem("PROPERTY", "房产类型：本县自有住房", 25)));
        cut.ruleChoices(1, List.of());
        cut.drawBy(LotteryRule.DRAW_PER_SCHOOL);
        cut.estimateChildren(300, "县公安局");
        cut.rewriteTexts(Map.of(
                "contact.hotline", "0931-6412345",
                "guide.fee.text", "不收取任何费用。",
                "materials.PUBLIC.MIGRANT", "HUKOU,RENTAL"));

        assertEquals(
                List.of(
                        "网上报名开始时间：2028年7月1日 08:30 → 2028年7月3日 08:30",
                        "录取结果公布日期：2028年8月10日 → 2028年8月12日",
                        "计划学位 城关第一小学：135 → 180",
                        "计划学位 城关第二小学：0 → 90",
                        "计划学位 育才民办学校：45 → 0",
                        "计划学位合计：180 → 270",
                        "招生类型录取顺序：房户一致、优待对象、有房无户、有户无房（第一类）、有户无房（第二类）、随迁子女"
                                + " → 优待对象、房户一致、有房无户、有户无房（第一类）、有户无房（第二类）、随迁子女",
                        "随迁子女积分项目：户籍类型：本省户籍 10分；居住情况：居住证每满1年 5分；从业情况：本县社保每满1年 5分；"
                                + "房产类型：本县自有住房 20分 → 房产类型：本县自有住房 25分",
                        "可填志愿数：2 → 1",
                        "摇号规则：每名儿童一个摇号序号，各校共用 → 每所学校分别摇号",
                        "适龄儿童估计数：未填写 → 300",
                        "招生咨询电话：12345 → 0931-6412345",
                        "九、收费：文字已修改",
                        "材料清单“公办 · 随迁子女”：户口本信息、法定监护人身份证、居住证 → 户口本信息、租房合同"),
                PlanDiff.lines(published, cut, names));
    }

    @Test
    void listingTheSchoolsThatTakeChoicesNamesThem() {
        EnrollmentPlan cut = published.correction("county.admin");
        cut.ruleChoices(2, List.of("YD0009"));
        assertEquals(List.of("接受志愿的学校：全部有学位的民办学校 → 育才民办学校"), PlanDiff.lines(published, cut, names));
    }

    @Test
    void aTextBackToTheTemplateIsAChangeToo() {
        EnrollmentPlan reworded = published.correction("county.admin");
        reworded.rewriteTexts(Map.of("contact.hotline", "0931-6412345"));
        reworded.publish(
                LocalDateTime.of(2027, 12, 1, 9, 0).atZone(Clocks.SHANGHAI).toInstant(), "a", "改电话", List.of());
        EnrollmentPlan back = reworded.correction("county.admin");
        back.rewriteTexts(Map.of());
        assertEquals(List.of("招生咨询电话：0931-6412345 → 12345"), PlanDiff.lines(reworded, back, names));
    }

    @Test
    void aLineLongerThanItsColumnIsCutWithAnEllipsis() {
        String longLine = "办事指南“咨询途径”：" + "很长的文字".repeat(300);

        String kept = PlanDiff.fit(longLine);

        assertEquals(PlanDiff.MAX_LINE, kept.length());
        assertEquals('…', kept.charAt(kept.length() - 1));
        assertEquals("短的", PlanDiff.fit("短的"));
    }
}
