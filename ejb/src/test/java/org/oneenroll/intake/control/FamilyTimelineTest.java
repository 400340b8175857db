package org.oneenroll.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.intake.entity.CaseNumber;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.intake.entity.FamilyCase.Step;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.entity.ApplicationType;

/** A case's history as the family reads it: statuses in words, notes meant for the family, no staff names. */
class FamilyTimelineTest {

    static final Instant T = Instant.parse("2027-06-01T02:00:00Z");

    @Test
    void aReturnedCaseReadsFromSubmissionToTheReviewersRequest() {
        String first17 = "62012320200315001";
        EnrollmentCase c = new EnrollmentCase(
                new CaseNumber(RegionCode.of("620123"), 2027, Stage.PRIMARY, 7),
                ApplicationType.LOCAL,
                Channel.ONLINE,
                null,
                "张小明",
                NationalId.of(first17 + NationalId.checkCharacter(first17)),
                PhoneNumber.of("13800138000"),
                "620123100",
                "{}",
                "system",
                T);
        c.move(CaseStatus.VERIFYING, "system", T.plusSeconds(5), "FIRST");
        c.verified(
                CaseStatus.NEEDS_OFFLINE_CHECK,
                FamilyCategory.HUKOU_ONLY_RENTING,
                false,
                null,
                "system",
                T.plusSeconds(9),
                "verification.category.HUKOU_ONLY_RENTING");
        c.takeForReview("county.reviewer", T.plusSeconds(3600));
        c.decide(
                CaseStatus.RETURNED,
                "county.reviewer",
                T.plusSeconds(3700),
                "退回补充材料 办理意见：请上传经备案的租赁合同",
                java.time.LocalDate.of(2027, 6, 8));
        List<Step> steps = FamilyTimeline.of(c.history());
        assertEquals(
                List.of("已提交", "核验中", "待线下核验", "审核中", "退回补充材料"),
                steps.stream().map(Step::status).toList());
        assertEquals("网上申请", steps.get(0).note());
        assertEquals("首次自动核验", steps.get(1).note());
        assertNull(steps.get(2).note(), "the category's reason needs the record's values, which are not stored");
        assertNull(steps.get(3).note());
        assertEquals("退回补充材料 办理意见：请上传经备案的租赁合同", steps.get(4).note());
        assertEquals(T.plusSeconds(3700), steps.get(4).at());
    }

    @Test
    void notesAreShownOnlyWhenTheyAreMeantForPeople() {
        assertEquals("窗口帮办", FamilyTimeline.note(CaseStatus.SUBMITTED, "COUNTER"));
        assertEquals("再次核验（复查或补充材料后）", FamilyTimeline.note(CaseStatus.VERIFYING, "AGAIN"));
        assertEquals(
                "自动核验多次中断，请稍后申请复查或到招生服务点核验",
                FamilyTimeline.note(CaseStatus.NEEDS_OFFLINE_CHECK, "verification.abandoned.interrupted"));
        assertNull(FamilyTimeline.note(CaseStatus.VERIFIED, "verification.category.HOUSE_AND_HUKOU"));
        assertEquals("志愿录取：城关第一小学", FamilyTimeline.note(CaseStatus.ADMITTED, "志愿录取：城关第一小学"));
        assertEquals("家庭搬迁，不再申请", FamilyTimeline.note(CaseStatus.WITHDRAWN, "家庭搬迁，不再申请"));
        assertNull(FamilyTimeline.note(CaseStatus.UNDER_REVIEW, null));
    }
}
