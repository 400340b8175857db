package org.oneenroll.review.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.review.entity.DecisionKind;
import org.oneenroll.review.entity.DecisionRequest;
import org.oneenroll.review.entity.ReviewReason;
import org.oneenroll.verification.entity.Proof;

/** What each decision must carry (reason, 办理意见, proofs, deadline), and when a case can be decided at all. */
class DecisionRulesTest {

    static final String CASE = "620123-2027-P-000001";
    static final String KEY = "dialog-0001";
    static final LocalDate TODAY = LocalDate.of(2027, 7, 12);
    static final ReviewReason OUT_OF_ZONE = new ReviewReason("OUT_OF_ZONE", "实际居住地不在本招生片区", 1, false);
    static final ReviewReason OTHER = new ReviewReason("OTHER", "其他原因", 8, true);

    @Test
    void aFullyConfirmedCaseIsApprovedWithoutAComment() {
        assertDoesNotThrow(() -> DecisionRules.check(
                DecisionRequest.approve(CASE, 3, null, KEY), CaseStatus.VERIFIED, true, Optional.empty(), TODAY));
    }

    @Test
    void approvingWhatTheSourcesDidNotConfirmNeedsAComment() {
        var e = assertThrows(
                InvalidValueException.class,
                () -> DecisionRules.check(
                        DecisionRequest.approve(CASE, 3, "  ", KEY),
                        CaseStatus.NEEDS_OFFLINE_CHECK,
                        false,
                        Optional.empty(),
                        TODAY));
        assertEquals("comment", e.field());
        assertTrue(e.getMessage().contains("办理意见"), e.getMessage());
        assertDoesNotThrow(() -> DecisionRules.check(
                DecisionRequest.approve(CASE, 3, "已查验纸质租赁合同", KEY),
                CaseStatus.NEEDS_OFFLINE_CHECK,
                false,
                Optional.empty(),
                TODAY));
    }

    @Test
    void aRejectionNeedsAReasonFromTheList() {
        var missing = assertThrows(
                InvalidValueException.class,
                () -> DecisionRules.check(
                        DecisionRequest.reject(CASE, 3, null, "x", KEY),
                        CaseStatus.UNDER_REVIEW,
                        false,
                        Optional.empty(),
                        TODAY));
        assertEquals("reasonCode", missing.field());
        var unknown = assertThrows(
                InvalidValueException.class,
                () -> DecisionRules.check(
                        DecisionRequest.reject(CASE, 3, "MADE_UP", "x", KEY),
                        CaseStatus.UNDER_REVIEW,
                        false,
                        Optional.empty(),
                        TODAY));
        assertTrue(unknown.getMessage().contains("MADE_UP"), unknown.getMessage());
        assertDoesNotThrow(() -> DecisionRules.check(
                DecisionRequest.reject(CASE, 3, "OUT_OF_ZONE", null, KEY),
                CaseStatus.UNDER_REVIEW,
                false,
                Optional.of(OUT_OF_ZONE),
                TODAY));
    }

    @Test
    void aReasonThatAsksForWordsNeedsAComment() {
        var e = assertThrows(
                InvalidValueException.class,
                () -> DecisionRules.check(
                        DecisionRequest.reject(CASE, 3, "OTHER", null, KEY),
                        CaseStatus.UNDER_REVIEW,
                        false,
                        Optional.of(OTHER),
                        TODAY));
        assertTrue(e.getMessage().contains("其他原因"), e.getMessage());
    }

    @Test
    void aReturnNamesProofsADeadlineInTheWindowAndAComment() {
        var noProof = assertThrows(
                InvalidValueException.class,
                () -> DecisionRules.check(
                        DecisionRequest.returnForProof(
                                CASE, 3, EnumSet.noneOf(Proof.class), TODAY.plusDays(7), "请补充", KEY),
                        CaseStatus.UNDER_REVIEW,
                        false,
                        Optional.empty(),
                        TODAY));
        assertEquals("proofs", noProof.field());
        var today = assertThrows(
                InvalidValueException.class,
                () -> DecisionRules.check(
                        DecisionRequest.returnForProof(CASE, 3, EnumSet.of(Proof.RENTAL_CONTRACT), TODAY, "请补充", KEY),
                        CaseStatus.UNDER_REVIEW,
                        false,
                        Optional.empty(),
                        TODAY));
        assertEquals("deadline", today.field());
        assertThrows(
                InvalidValueException.class,
                () -> DecisionRules.check(
                        DecisionRequest.returnForProof(
                                CASE, 3, EnumSet.of(Proof.RENTAL_CONTRACT), TODAY.plusDays(31), "请补充", KEY),
                        CaseStatus.UNDER_REVIEW,
                        false,
                        Optional.empty(),
                        TODAY));
        assertDoesNotThrow(() -> DecisionRules.check(
                DecisionRequest.returnForProof(
                        CASE, 3, EnumSet.of(Proof.RENTAL_CONTRACT), TODAY.plusDays(30), "请补充租赁合同", KEY),
                CaseStatus.UNDER_REVIEW,
                false,
                Optional.empty(),
                TODAY));
    }

    @Test
    void decidedOrUncheckedCasesCannotBeDecided() {
        for (CaseStatus s :
                EnumSet.of(CaseStatus.SUBMITTED, CaseStatus.VERIFYING, CaseStatus.APPROVED, CaseStatus.REJECTED)) {
            var e = assertThrows(
                    InvalidValueException.class,
                    () -> DecisionRules.check(
                            DecisionRequest.approve(CASE, 3, "x", KEY), s, true, Optional.empty(), TODAY));
            assertTrue(e.getMessage().contains(s.label()), e.getMessage());
        }
    }

    @Test
    void aMissingOrOddKeyIsRefused() {
        assertThrows(
                InvalidValueException.class,
                () -> DecisionRules.check(
                        DecisionRequest.approve(CASE, 3, null, "k"),
                        CaseStatus.VERIFIED,
                        true,
                        Optional.empty(),
                        TODAY));
        assertThrows(
                InvalidValueException.class,
                () -> DecisionRules.check(
                        DecisionRequest.approve(CASE, 3, null, "key with spaces!"),
                        CaseStatus.VERIFIED,
                        true,
                        Optional.empty(),
                        TODAY));
    }

    @Test
    void onlyFullyConfirmedCasesGoInBulk() {
        assertTrue(DecisionRules.bulkApprovable(CaseStatus.VERIFIED, true));
        assertFalse(DecisionRules.bulkApprovable(CaseStatus.VERIFIED, false));
        assertFalse(DecisionRules.bulkApprovable(CaseStatus.NEEDS_OFFLINE_CHECK, true));
        assertFalse(DecisionRules.bulkApprovable(CaseStatus.RETURNED, true));
    }

    @Test
    void theHistoryNoteCarriesReasonAndComment() {
        assertEquals(
                "审核不通过 理由：实际居住地不在本招生片区 办理意见：经核实住址在城关片区",
                DecisionRules.note(DecisionKind.REJECT, Optional.of(OUT_OF_ZONE), "经核实住址在城关片区"));
    }
}
