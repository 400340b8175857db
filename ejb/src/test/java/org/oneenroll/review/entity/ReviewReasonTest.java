package org.oneenroll.review.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * A rejection reason: a county's copy of the starting list keeps words, place and state; the words of a reason a
 * decision names never change; one a decision names is never deleted.
 */
class ReviewReasonTest {

    static final Instant NOW = Instant.parse("2026-07-06T02:00:00Z");

    ReviewReason cut = new ReviewReason("OUT_OF_ZONE", "实际居住地不在本招生片区", 1, false);

    @Test
    void aCountysCopyKeepsTheWordsUnderItsOwnCode() {
        ReviewReason copy = cut.copyFor("620123", "county.admin", NOW);
        assertEquals("620123-OUT_OF_ZONE", copy.code());
        assertEquals("620123", copy.county());
        assertTrue(copy.ownedBy("620123"));
        assertFalse(copy.ownedBy("620102"));
        assertEquals(cut.label(), copy.label());
        assertEquals(1, copy.position());
        assertEquals("county.admin", copy.changedBy());
        assertThrows(IllegalStateException.class, () -> copy.copyFor("620102", "x", NOW), "only the starting list");
    }

    @Test
    void anUnusedReasonIsRewordedAndAUsedOneKeepsItsWords() {
        ReviewReason copy = cut.copyFor("620123", "county.admin", NOW);
        copy.relabel(" 实际居住地不在本县招生片区 ", true, 0, "county.admin", NOW);
        assertEquals("实际居住地不在本县招生片区", copy.label());
        assertTrue(copy.commentRequired());
        InvalidValueException used =
                assertThrows(InvalidValueException.class, () -> copy.relabel("其他文字", false, 3, "county.admin", NOW));
        assertEquals("label", used.field());
        assertTrue(used.getMessage().contains("已被3个审核结论引用"), used.getMessage());
        copy.relabel("实际居住地不在本县招生片区", false, 3, "county.admin", NOW);
        assertFalse(copy.commentRequired(), "whether a comment is needed may change on a used reason");
    }

    @Test
    void aUsedReasonIsDeactivatedNotDeleted() {
        assertEquals(
                "code",
                assertThrows(InvalidValueException.class, () -> cut.requireUnused(1))
                        .field());
        cut.requireUnused(0);
        cut.deactivate("county.admin", NOW);
        assertFalse(cut.active());
        cut.activate("county.admin", NOW);
        assertTrue(cut.active());
    }

    @Test
    void wordsAreRequiredAndBounded() {
        assertEquals(
                "请填写理由内容",
                assertThrows(InvalidValueException.class, () -> ReviewReason.checkedLabel(" "))
                        .getMessage());
        assertEquals(
                "reason.label-too-long",
                assertThrows(InvalidValueException.class, () -> ReviewReason.checkedLabel("字".repeat(101)))
                        .messageKey());
        ReviewReason added = ReviewReason.added("620123", 3, "户籍迁入时间不满规定年限", 9, true, "county.admin", NOW);
        assertEquals("620123-R3", added.code());
        assertEquals(9, added.position());
        assertTrue(added.active());
    }
}
