package org.oneenroll.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneenroll.intake.control.NextSteps.Situation;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.NextStep;
import org.oneenroll.intake.entity.NextStep.Action;

/** 下一步怎么办, status by status: what a family reads and whether it is sent to the application page. */
class NextStepsTest {

    static final String COUNTER = "榆中县教育局招生服务点（城关镇栖云北路）";
    static final String HOURS = "工作日 8:30—17:30";

    @Test
    void whileTheRecordsAreCheckedTheFamilyWaits() {
        NextStep submitted = NextSteps.of(authorised(CaseStatus.SUBMITTED));
        assertEquals("等待自动核验", submitted.headline());
        assertEquals(Action.NONE, submitted.action());
        NextStep verifying = NextSteps.of(authorised(CaseStatus.VERIFYING));
        assertEquals("正在核验，请耐心等待", verifying.headline());
        assertTrue(
                verifying.details().get(0).contains("请勿重复提交"),
                verifying.details().toString());
        assertEquals(Action.NONE, verifying.action());
    }

    @Test
    void withoutAnAuthorisationTheFamilyIsSentToGiveIt() {
        NextStep step = NextSteps.of(situation(CaseStatus.SUBMITTED));
        assertEquals("请完成数据核验授权", step.headline());
        assertEquals(Action.AUTHORISE, step.action());
        assertEquals("招生服务点：" + COUNTER + "；办理时间：" + HOURS + "。", step.details().get(1));
    }

    @Test
    void aCheckedCaseWaitsForReview() {
        NextStep step = NextSteps.of(authorised(CaseStatus.VERIFIED));
        assertEquals("等待资格审核", step.headline());
        assertTrue(step.details().get(0).contains("无需提交纸质材料"));
        assertEquals("资格审核中", NextSteps.of(situation(CaseStatus.UNDER_REVIEW)).headline());
    }

    @Test
    void anOfflineCheckNamesTheMaterialsTheCounterAndItsHours() {
        NextStep step = NextSteps.of(pending(List.of("户口簿", "房屋租赁合同（备案）")));
        assertEquals("需要补充核验材料", step.headline());
        assertEquals(
                List.of(
                        "部分信息未能通过政务数据自动核验。请携带以下材料原件到招生服务点核验：户口簿、房屋租赁合同（备案）。",
                        "招生服务点：" + COUNTER + "；办理时间：" + HOURS + "。",
                        "也可以在申请页面上传上述材料的照片；如是部门数据暂时无法查询，可稍后申请复查。"),
                step.details());
        assertEquals(Action.UPLOAD, step.action());
        NextStep unnamed = NextSteps.of(situation(CaseStatus.NEEDS_OFFLINE_CHECK));
        assertTrue(unnamed.details().get(0).contains("户口簿、住房证明"), "a check abandoned names the usual proofs");
    }

    @Test
    void aReturnedCaseNamesTheProofsAndTheirDeadline() {
        NextStep step = NextSteps.of(new Situation(
                CaseStatus.RETURNED,
                true,
                List.of(),
                List.of("房屋租赁合同（备案）"),
                LocalDate.of(2027, 7, 15),
                null,
                "请上传经备案的租赁合同",
                null,
                null,
                null,
                COUNTER,
                HOURS,
                "12345"));
        assertEquals("请补充材料", step.headline());
        assertEquals(
                "请于2027年7月15日前在申请页面上传：房屋租赁合同（备案）。逾期未补充将影响审核。", step.details().get(0));
        assertEquals("审核意见：请上传经备案的租赁合同", step.details().get(1));
        assertEquals(Action.UPLOAD, step.action());
    }

    @Test
    void anApprovedCaseWaitsForTheResultsDay() {
        NextStep step = NextSteps.of(new Situation(
                CaseStatus.APPROVED,
                true,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                LocalDate.of(2027, 8, 1),
                null,
                COUNTER,
                HOURS,
                "12345"));
        assertEquals("资格审核已通过", step.headline());
        assertEquals(List.of("录取结果预计于2027年8月1日公布，届时将短信通知您，请保持手机畅通。"), step.details());
        assertEquals(
                List.of("录取结果公布后将短信通知您，请保持手机畅通。"),
                NextSteps.of(situation(CaseStatus.APPROVED)).details(),
                "no plan, no date");
    }

    @Test
    void aRejectionGivesTheReasonAndHowToAppealOrComplain() {
        NextStep step = NextSteps.of(new Situation(
                CaseStatus.REJECTED,
                true,
                List.of(),
                List.of(),
                null,
                "不符合本片区户籍条件",
                null,
                null,
                null,
                null,
                COUNTER,
                HOURS,
                "0931-5222000"));
        assertEquals("资格审核未通过", step.headline());
        assertEquals("原因：不符合本片区户籍条件", step.details().get(0));
        assertEquals(
                "如对审核结果有异议，可携带相关材料到招生服务点申请复核，也可拨打0931-5222000咨询或投诉。",
                step.details().get(1));
        assertTrue(step.details().get(2).contains(COUNTER));
        assertEquals(Action.NONE, step.action());
    }

    @Test
    void anAdmissionNamesTheSchoolAndTheDayToConfirmBy() {
        NextStep admitted = NextSteps.of(placed(CaseStatus.ADMITTED, "志愿录取：城关第一小学"));
        assertEquals("已录取", admitted.headline());
        assertEquals(List.of("录取结果：志愿录取：城关第一小学", "请于2027年8月8日前登录确认学籍信息，并按学校通知按时报到。"), admitted.details());
        NextStep reallocated = NextSteps.of(placed(CaseStatus.REALLOCATED, "调剂至：夏官营小学"));
        assertEquals("已调剂", reallocated.headline());
        assertEquals(
                "请于2027年8月8日前登录确认是否接受调剂；如有疑问请拨打12345。", reallocated.details().get(1));
    }

    @Test
    void everyStatusHasAdviceInChinese() {
        for (CaseStatus status : CaseStatus.values()) {
            NextStep step = NextSteps.of(situation(status));
            assertFalse(step.headline().startsWith("family."), status + " has a headline");
            assertFalse(step.details().isEmpty(), status + " has details");
            step.details().forEach(d -> assertFalse(d.contains("{") || d.startsWith("family."), status + ": " + d));
        }
    }

    private static Situation placed(CaseStatus status, String result) {
        return new Situation(
                status,
                true,
                List.of(),
                List.of(),
                null,
                null,
                null,
                result,
                null,
                LocalDate.of(2027, 8, 8),
                COUNTER,
                HOURS,
                "12345");
    }

    /** A situation with only the status and the counter. */
    private static Situation situation(CaseStatus status) {
        return new Situation(
                status, false, List.of(), List.of(), null, null, null, null, null, null, COUNTER, HOURS, "12345");
    }

    private static Situation authorised(CaseStatus status) {
        return new Situation(
                status, true, List.of(), List.of(), null, null, null, null, null, null, COUNTER, HOURS, "12345");
    }

    private static Situation pending(List<String> proofs) {
        return new Situation(
                CaseStatus.NEEDS_OFFLINE_CHECK,
                true,
                proofs,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                COUNTER,
                HOURS,
                "12345");
    }
}
