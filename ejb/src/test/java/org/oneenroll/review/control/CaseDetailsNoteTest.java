package org.oneenroll.review.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CaseDetailsNoteTest {

    @Test
    void recordedStepsReadAsChinese() {
        assertEquals("首次自动核验", CaseDetails.note("FIRST"));
        assertEquals("中断后继续自动核验", CaseDetails.note("RESUME"));
        assertEquals("自动核验多次中断，请稍后申请复查或到招生服务点核验", CaseDetails.note("verification.abandoned.interrupted"));
    }

    @Test
    void peoplesWordsAndUnknownKeysStayAsWritten() {
        assertEquals("家长撤回（测试）", CaseDetails.note("家长撤回（测试）"));
        assertEquals("some.unknown.key", CaseDetails.note("some.unknown.key"));
        assertNull(CaseDetails.note(null));
    }
}
