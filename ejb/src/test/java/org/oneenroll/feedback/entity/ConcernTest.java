package org.oneenroll.feedback.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * A consultation or complaint guards its rules: what it must carry when received, in Chinese at the field, and the
 * order of its states (received → in hand → answered or closed, both final), each step in its history.
 */
class ConcernTest {

    static final Instant NOW = Instant.parse("2026-07-06T02:00:00Z"); // a Monday, 10:00 in China
    static final LocalDate DUE = LocalDate.of(2026, 7, 13);
    static final PhoneNumber PHONE = PhoneNumber.of("13800138000");

    Concern cut = complaint(ConcernChannel.ONLINE, null, null);

    static Concern complaint(ConcernChannel channel, String ticket, Instant receivedAt) {
        return new Concern(
                ConcernKind.COMPLAINT,
                channel,
                "620123",
                null,
                PHONE,
                null,
                "片区划分有误",
                "我家住在城关镇，却被划入了其他学校的招生片区。",
                ticket,
                channel == ConcernChannel.ONLINE ? null : "county.reviewer",
                receivedAt,
                DUE,
                NOW);
    }

    @Test
    void aNewItemIsReceivedWithOneStepByTheFamily() {
        assertEquals(ConcernState.RECEIVED, cut.state());
        assertEquals(NOW, cut.receivedAt(), "received now when no time is given");
        List<ConcernStep> steps = cut.steps();
        assertEquals(1, steps.size());
        assertEquals(Concern.FAMILY, steps.get(0).actor());
        assertNull(steps.get(0).from());
        assertEquals(ConcernState.RECEIVED, steps.get(0).to());
        assertEquals("片区划分有误", cut.subject());
    }

    @Test
    void answeringAReceivedItemTakesItInHandOnTheWay() {
        cut.answer("county.reviewer", "  经核实，您家属于城关第一小学片区，已更正。  ", NOW.plusSeconds(3600));
        assertEquals(ConcernState.ANSWERED, cut.state());
        assertEquals("经核实，您家属于城关第一小学片区，已更正。", cut.reply(), "blanks around the reply dropped");
        assertEquals("county.reviewer", cut.handler());
        assertEquals(NOW.plusSeconds(3600), cut.answeredAt());
        assertEquals(
                List.of(ConcernState.RECEIVED, ConcernState.IN_PROGRESS, ConcernState.ANSWERED),
                cut.steps().stream().map(ConcernStep::to).toList());
        assertEquals(cut.reply(), cut.steps().get(2).note(), "the reply is the answering step's words");
    }

    @Test
    void anAnsweredOrClosedItemIsFinal() {
        cut.start("county.reviewer", NOW);
        InvalidValueException twice = assertThrows(InvalidValueException.class, () -> cut.start("county.admin", NOW));
        assertEquals("state", twice.field());
        cut.close("county.reviewer", "与T00000001重复反映", NOW);
        assertEquals(ConcernState.CLOSED, cut.state());
        assertEquals(NOW, cut.closedAt());
        InvalidValueException again =
                assertThrows(InvalidValueException.class, () -> cut.answer("county.admin", "补充答复", NOW));
        assertEquals("feedback.state-final", again.messageKey());
        assertTrue(again.getMessage().contains("已关闭"), again.getMessage());
        assertEquals(3, cut.steps().size(), "a refused step leaves no trace");
    }

    @Test
    void aReplyAndAClosingReasonAreRequiredAndBounded() {
        InvalidValueException empty = assertThrows(InvalidValueException.class, () -> cut.answer("x", "  ", NOW));
        assertEquals("reply", empty.field());
        assertEquals("请填写答复内容", empty.getMessage());
        assertEquals(ConcernState.RECEIVED, cut.state(), "a refused reply changes nothing");
        String tooLong = "答".repeat(Concern.MAX_REPLY + 1);
        assertEquals(
                "reply",
                assertThrows(InvalidValueException.class, () -> cut.answer("x", tooLong, NOW))
                        .field());
        InvalidValueException noReason = assertThrows(InvalidValueException.class, () -> cut.close("x", null, NOW));
        assertEquals("note", noReason.field());
        assertTrue(noReason.getMessage().startsWith("请填写关闭原因"), noReason.getMessage());
    }

    @Test
    void whatTheFamilyTypesIsCheckedAtItsField() {
        InvalidValueException subject = assertThrows(
                InvalidValueException.class,
                () -> new Concern(
                        ConcernKind.CONSULTATION,
                        ConcernChannel.ONLINE,
                        "620123",
                        null,
                        PHONE,
                        null,
                        " ",
                        "什么时候公布录取结果？",
                        null,
                        null,
                        null,
                        DUE,
                        NOW));
        assertEquals("subject", subject.field());
        assertEquals("请填写标题", subject.getMessage());
        InvalidValueException longSubject = assertThrows(
                InvalidValueException.class,
                () -> new Concern(
                        ConcernKind.CONSULTATION,
                        ConcernChannel.ONLINE,
                        "620123",
                        null,
                        PHONE,
                        null,
                        "问".repeat(Concern.MAX_SUBJECT + 1),
                        "什么时候公布录取结果？",
                        null,
                        null,
                        null,
                        DUE,
                        NOW));
        assertEquals("标题不能超过40个字", longSubject.getMessage());
        InvalidValueException shortText = assertThrows(
                InvalidValueException.class,
                () -> new Concern(
                        ConcernKind.CONSULTATION,
                        ConcernChannel.ONLINE,
                        "620123",
                        null,
                        PHONE,
                        null,
                        "录取时间",
                        "何时？",
                        null,
                        null,
                        null,
                        DUE,
                        NOW));
        assertEquals("text", shortText.field());
        assertTrue(shortText.getMessage().startsWith("具体内容至少5个字"), shortText.getMessage());
        InvalidValueException kind = assertThrows(
                InvalidValueException.class,
                () -> new Concern(
                        null,
                        ConcernChannel.ONLINE,
                        "620123",
                        null,
                        PHONE,
                        null,
                        "录取时间",
                        "什么时候公布录取结果？",
                        null,
                        null,
                        null,
                        DUE,
                        NOW));
        assertEquals("kind", kind.field());
    }

    @Test
    void a12345TransferNeedsItsTicketAndAPastTimeOfReceipt() {
        InvalidValueException noTicket =
                assertThrows(InvalidValueException.class, () -> complaint(ConcernChannel.TRANSFER_12345, " ", null));
        assertEquals("externalRef", noTicket.field());
        assertEquals("12345转办须填写12345工单编号", noTicket.getMessage());
        assertEquals(
                "externalRef",
                assertThrows(InvalidValueException.class, () -> complaint(ConcernChannel.TRANSFER_12345, "工单 1", null))
                        .field());
        Concern transfer = complaint(ConcernChannel.TRANSFER_12345, "GS12345-20260705-0001", NOW.minusSeconds(86_400));
        assertEquals("GS12345-20260705-0001", transfer.externalRef());
        assertEquals(NOW.minusSeconds(86_400), transfer.receivedAt(), "dated when the call came in");
        assertEquals("county.reviewer", transfer.steps().get(0).actor());
        assertEquals(
                "receivedAt",
                assertThrows(
                                InvalidValueException.class,
                                () -> complaint(ConcernChannel.HOTLINE, null, NOW.plusSeconds(60)))
                        .field());
        assertEquals(
                "feedback.received-too-old",
                assertThrows(
                                InvalidValueException.class,
                                () -> complaint(ConcernChannel.HOTLINE, null, NOW.minus(Duration.ofDays(31))))
                        .messageKey());
    }

    @Test
    void anOpenItemIsOverdueAfterItsDueDateAndAFinishedOneIsNot() {
        assertFalse(cut.overdue(DUE), "due today is not late yet");
        assertTrue(cut.overdue(DUE.plusDays(1)));
        cut.answer("county.reviewer", "已答复", Instant.parse("2026-07-14T01:00:00Z"));
        assertFalse(cut.overdue(DUE.plusDays(5)));
        assertTrue(cut.finishedLate(), "answered the day after it was due");
    }

    @Test
    void aReferenceNamesTheKindAndTheItem() {
        assertEquals("T00000051", Concern.reference(ConcernKind.COMPLAINT, 51));
        assertEquals("Z00000007", Concern.reference(ConcernKind.CONSULTATION, 7));
        Concern.Reference r = Concern.parseReference(" t00000051 ");
        assertEquals(ConcernKind.COMPLAINT, r.kind());
        assertEquals(51, r.id());
        InvalidValueException bad = assertThrows(InvalidValueException.class, () -> Concern.parseReference("620123"));
        assertEquals("reference", bad.field());
    }

    @Test
    void theStatesAllowOnlyTheirOrder() {
        assertTrue(ConcernState.RECEIVED.allows(ConcernState.IN_PROGRESS));
        assertFalse(ConcernState.RECEIVED.allows(ConcernState.ANSWERED), "answer() passes through 办理中");
        assertTrue(ConcernState.IN_PROGRESS.allows(ConcernState.ANSWERED));
        assertTrue(ConcernState.IN_PROGRESS.allows(ConcernState.CLOSED));
        for (ConcernState next : ConcernState.values()) {
            assertFalse(ConcernState.ANSWERED.allows(next));
            assertFalse(ConcernState.CLOSED.allows(next));
        }
        assertEquals("已答复", ConcernState.ANSWERED.label());
        assertEquals("12345转办", ConcernChannel.TRANSFER_12345.label());
    }
}
