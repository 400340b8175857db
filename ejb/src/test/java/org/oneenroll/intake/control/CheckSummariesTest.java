package org.oneenroll.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneenroll.intake.entity.CheckState;
import org.oneenroll.intake.entity.FamilyCase.SourceCheck;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.verification.entity.CategoryFinding;
import org.oneenroll.verification.entity.CheckOutcome;
import org.oneenroll.verification.entity.Evidence;
import org.oneenroll.verification.entity.FieldMismatch;
import org.oneenroll.verification.entity.FilledFields;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.MessageRef;
import org.oneenroll.verification.entity.OfflineCheck;
import org.oneenroll.verification.entity.Proof;
import org.oneenroll.verification.entity.Relation;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.SourceFailure;
import org.oneenroll.verification.entity.SourceOutcome;
import org.oneenroll.verification.entity.VerificationResult;
import org.oneenroll.verification.entity.VerificationStatus;

/** What a family reads of a check, source by source: the state in words, and no record's contents. */
class CheckSummariesTest {

    static final String CHILD = "620123201903150011";
    static final String FATHER = "620123198503150017";
    static final Instant ASKED = Instant.parse("2027-06-01T02:00:00Z");

    @Test
    void everySourceConfirmedReadsConfirmed() {
        VerificationResult result = result(
                List.of(
                        evidence(GovernmentSource.HUKOU, CHILD, CheckOutcome.MATCHED),
                        evidence(GovernmentSource.HUKOU, FATHER, CheckOutcome.MATCHED),
                        evidence(GovernmentSource.REAL_ESTATE_TITLE, FATHER, CheckOutcome.MATCHED)),
                List.of());
        List<SourceCheck> lines = CheckSummaries.of(result);
        assertEquals(
                List.of("户籍信息", "不动产登记信息"),
                lines.stream().map(SourceCheck::source).toList());
        assertEquals(
                List.of("核验一致", "核验一致"),
                lines.stream().map(SourceCheck::stateLabel).toList());
        assertEquals(List.of(), CheckSummaries.pendingProofs(result));
    }

    @Test
    void aDifferenceNamesTheFieldsButNeverTheRecordsValue() {
        Evidence differs = new Evidence(
                GovernmentSource.REAL_ESTATE_TITLE,
                FATHER,
                Relation.FATHER,
                CheckOutcome.MISMATCH,
                List.of(new FieldMismatch("holderName", "张三", "李四")),
                List.of("holderName"),
                List.of(),
                answer(GovernmentSource.REAL_ESTATE_TITLE, SourceOutcome.FOUND));
        OfflineCheck upload = new OfflineCheck(
                GovernmentSource.REAL_ESTATE_TITLE,
                Proof.PROPERTY_TITLE,
                MessageRef.of(
                        "verification.reason.mismatch",
                        MessageRef.of("verification.source.REAL_ESTATE_TITLE"),
                        MessageRef.of("verification.field.holderName"),
                        "张三",
                        "李四"),
                MessageRef.of(
                        "verification.action.correct-or-upload",
                        MessageRef.of("verification.field.holderName"),
                        Proof.PROPERTY_TITLE.label()));
        VerificationResult result = result(
                List.of(evidence(GovernmentSource.HUKOU, CHILD, CheckOutcome.MATCHED), differs), List.of(upload));
        SourceCheck line = CheckSummaries.of(result).get(1);
        assertEquals(CheckState.NOT_CONFIRMED, line.state());
        assertEquals("未能确认", line.stateLabel());
        assertEquals(List.of("与您填写的不一致：权利人姓名", "请核对权利人姓名：填写有误的，请修改后重新提交；填写无误的，请上传不动产权证"), line.details());
        assertFalse(line.details().toString().contains("李四"), "the record's value is not shown");
        assertEquals(List.of("不动产权证"), CheckSummaries.pendingProofs(result));
    }

    @Test
    void aSourceThatCouldNotAnswerReadsUnavailableWhateverElseItSaid() {
        Evidence down = new Evidence(
                GovernmentSource.SOCIAL_INSURANCE,
                FATHER,
                Relation.FATHER,
                CheckOutcome.SOURCE_ERROR,
                List.of(),
                List.of(),
                List.of(),
                SourceAnswer.failed(
                        GovernmentSource.SOCIAL_INSURANCE,
                        SourceFailure.TIMEOUT,
                        "r1",
                        ASKED,
                        Duration.ofSeconds(3),
                        "timeout"));
        OfflineCheck recheck = new OfflineCheck(
                GovernmentSource.SOCIAL_INSURANCE,
                Proof.SOCIAL_INSURANCE_RECORD,
                MessageRef.of(
                        "verification.reason.source-error", MessageRef.of("verification.source.SOCIAL_INSURANCE")),
                MessageRef.of("verification.action.recheck-or-upload", Proof.SOCIAL_INSURANCE_RECORD.label()));
        SourceCheck line = CheckSummaries.of(result(
                        List.of(down, evidence(GovernmentSource.SOCIAL_INSURANCE, CHILD, CheckOutcome.MATCHED)),
                        List.of(recheck)))
                .get(0);
        assertEquals(CheckState.UNAVAILABLE, line.state());
        assertEquals("暂时无法查询", line.stateLabel());
        assertEquals(List.of("请稍后点击“我要复查”重新查询，或上传社会保险参保缴费证明"), line.details());
    }

    @Test
    void aMissingRecordTheApplicationDoesNotNeedIsSaidToNotMatter() {
        SourceCheck line = CheckSummaries.of(result(
                        List.of(
                                evidence(GovernmentSource.HUKOU, CHILD, CheckOutcome.MATCHED),
                                evidence(GovernmentSource.MARRIAGE, FATHER, CheckOutcome.NO_RECORD)),
                        List.of()))
                .get(1);
        assertEquals("婚姻登记信息", line.source());
        assertEquals(CheckState.NOT_NEEDED, line.state());
        assertEquals("未查到记录，不影响本次申请", line.stateLabel());
    }

    @Test
    void aCheckNamingNoSourceIsALineOfItsOwnAndASourceNamedWithoutEvidenceToo() {
        OfflineCheck noCategory = new OfflineCheck(
                null,
                Proof.HOUSING_PROOF,
                MessageRef.of("verification.category.none"),
                MessageRef.of("verification.action.counter", Proof.HOUSING_PROOF.label()));
        OfflineCheck notShared = new OfflineCheck(
                GovernmentSource.PURCHASE_CONTRACT,
                Proof.PURCHASE_CONTRACT,
                MessageRef.of("verification.reason.not-shared", MessageRef.of("verification.source.PURCHASE_CONTRACT")),
                MessageRef.of("verification.action.upload-or-bring", Proof.PURCHASE_CONTRACT.label()));
        List<SourceCheck> lines = CheckSummaries.of(result(
                List.of(evidence(GovernmentSource.HUKOU, CHILD, CheckOutcome.MATCHED)),
                List.of(noCategory, notShared)));
        assertEquals(
                List.of("户籍信息", "网签购房合同信息", "招生类型认定"),
                lines.stream().map(SourceCheck::source).toList());
        assertEquals(CheckState.NOT_CONFIRMED, lines.get(1).state());
        assertEquals(
                List.of("请携带住房证明（不动产权证、购房合同、共同居住的产权证明或房屋租赁合同）到招生服务点，由工作人员核实"),
                lines.get(2).details());
        assertEquals(
                List.of("住房证明（不动产权证、购房合同、共同居住的产权证明或房屋租赁合同）", "网签购房合同"),
                CheckSummaries.pendingProofs(result(List.of(), List.of(noCategory, notShared))));
    }

    private static Evidence evidence(GovernmentSource source, String id, CheckOutcome outcome) {
        return new Evidence(
                source,
                id,
                id.equals(CHILD) ? Relation.CHILD : Relation.FATHER,
                outcome,
                List.of(),
                List.of(),
                List.of(),
                answer(source, outcome == CheckOutcome.NO_RECORD ? SourceOutcome.NO_RECORD : SourceOutcome.FOUND));
    }

    private static SourceAnswer answer(GovernmentSource source, SourceOutcome outcome) {
        return new SourceAnswer(source, outcome, null, List.of(), 1, "r", ASKED, Duration.ofMillis(80), 1, null);
    }

    private static VerificationResult result(List<Evidence> evidence, List<OfflineCheck> offline) {
        boolean verified = offline.isEmpty();
        return new VerificationResult(
                verified ? VerificationStatus.VERIFIED : VerificationStatus.NEEDS_OFFLINE_CHECK,
                evidence,
                FilledFields.none(),
                new CategoryFinding(
                        FamilyCategory.HOUSE_AND_HUKOU,
                        verified,
                        null,
                        Set.of(GovernmentSource.HUKOU),
                        MessageRef.of("verification.category.none"),
                        List.of()),
                offline);
    }
}
