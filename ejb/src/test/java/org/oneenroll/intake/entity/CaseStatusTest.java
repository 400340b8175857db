package org.oneenroll.intake.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseStatusTest {

    @Test
    void everyStatusIsReachableFromSubmissionAndEveryPathEndsArchived() {
        Set<CaseStatus> seen = EnumSet.of(CaseStatus.SUBMITTED);
        Deque<CaseStatus> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            for (CaseStatus next : todo.pop().next()) {
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        assertEquals(EnumSet.allOf(CaseStatus.class), seen);
        for (CaseStatus s : CaseStatus.values()) {
            assertTrue(s == CaseStatus.ARCHIVED || !s.next().isEmpty(), () -> s + " is a dead end");
        }
        assertTrue(CaseStatus.ARCHIVED.next().isEmpty());
    }

    @Test
    void aVerificationAlwaysEndsAndCanBeRepeated() {
        assertEquals(
                EnumSet.of(CaseStatus.VERIFIED, CaseStatus.NEEDS_OFFLINE_CHECK, CaseStatus.WITHDRAWN),
                CaseStatus.VERIFYING.next(),
                "a check ends, or the family withdraws meanwhile");
        assertTrue(CaseStatus.NEEDS_OFFLINE_CHECK.verifiable(), "我要复查");
        assertTrue(CaseStatus.VERIFIED.verifiable());
        assertTrue(CaseStatus.RETURNED.verifiable(), "a new proof is checked again");
        assertFalse(CaseStatus.VERIFYING.verifiable(), "one check at a time");
        assertFalse(CaseStatus.APPROVED.verifiable(), "a decided case is not re-checked");
    }

    @Test
    void onlyWithdrawnAndArchivedCasesFreeTheChildsPlace() {
        for (CaseStatus s : CaseStatus.values()) {
            assertEquals(s != CaseStatus.WITHDRAWN && s != CaseStatus.ARCHIVED, s.active(), s::name);
        }
    }
}
