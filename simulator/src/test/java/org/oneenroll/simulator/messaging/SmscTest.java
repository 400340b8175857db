package org.oneenroll.simulator.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMSC as OneEnroll's jSMPP client meets it: binds, Chinese text in UCS-2 in both places it can travel,
 * delivery receipts, idempotency keys, throttling, failures and the down switch.
 */
class SmscTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TO = "13800138000";
    /** U+20000, outside the BMP: a surrogate pair in UTF-16. */
    private static final String RARE = "\uD840\uDC00";

    private MessagingSimulator cut;
    private final List<Esme> esmes = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        cut = new MessagingSimulator(MessagingConfig.builder()
                        .smppPort(0)
                        .httpPort(0)
                        .smsc(SmscSettings.DEFAULT.withReceiptDelayMs(20))
                        .receiptRetry(3, 50)
                        // a held deliver_sm is not a failed try however slowly the machine goes
                        .receiptAnswer(30_000)
                        .faultSeed(7L)
                        .build())
                .start();
    }

    @AfterEach
    void stop() {
        esmes.forEach(Esme::close);
        cut.stop();
    }

    private Esme bind(BindType type) throws IOException {
        Esme esme = Esme.bind(cut, type);
        esmes.add(esme);
        return esme;
    }

    private SmsRecord only() {
        List<SmsRecord> all = cut.sms().messages(null, null, 10);
        assertEquals(1, all.size(), "messages recorded");
        return all.get(0);
    }

    private static int status(Throwable e) {
        Throwable t = e;
        while (t != null && !(t instanceof NegativeResponseException)) {
            t = t.getCause();
        }
        assertNotNull(t, "expected a negative SMPP response, got " + e);
        return ((NegativeResponseException) t).getCommandStatus();
    }

    @Test
    void bindsWithTheConfiguredCredentialsOnlyAndSaysInvalidPasswordOtherwise() throws Exception {
        bind(BindType.BIND_TRX);

        IOException wrongPassword = assertThrows(
                IOException.class, () -> Esme.bind(cut, BindType.BIND_TRX, MessagingConfig.DEMO_SYSTEM_ID, "nope"));
        IOException wrongSystem = assertThrows(
                IOException.class, () -> Esme.bind(cut, BindType.BIND_TX, "intruder", MessagingConfig.DEMO_PASSWORD));

        assertEquals(SMPPConstant.STAT_ESME_RINVPASWD, status(wrongPassword));
        assertEquals(SMPPConstant.STAT_ESME_RINVPASWD, status(wrongSystem));
        await().atMost(WAIT).until(() -> cut.sessionsBound() == 1);
        assertEquals(2L, cut.stats().get("bindsRefused"));
    }

    @Test
    void transmitterReceiverAndTransceiverSessionsAreBoundTogether() throws Exception {
        bind(BindType.BIND_TX);
        bind(BindType.BIND_RX);
        bind(BindType.BIND_TRX);
        bind(BindType.BIND_TRX);

        await().atMost(WAIT).until(() -> cut.sessionsBound() == 4);
        assertEquals(
                Map.of("BIND_TX", 1L, "BIND_RX", 1L, "BIND_TRX", 2L),
                cut.stats().get("sessionsByType"));
    }

    @Test
    void enquireLinkAndUnbindAreAnsweredOnTheWire() throws Exception {
        DefaultComposer composer = new DefaultComposer();
        DefaultPDUReader reader = new DefaultPDUReader();
        try (Socket socket = new Socket(cut.host(), cut.smppPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(composer.bind(
                    SMPPConstant.CID_BIND_TRANSCEIVER,
                    1,
                    MessagingConfig.DEMO_SYSTEM_ID,
                    MessagingConfig.DEMO_PASSWORD,
                    "",
                    InterfaceVersion.IF_34.value(),
                    TypeOfNumber.UNKNOWN.value(),
                    NumberingPlanIndicator.UNKNOWN.value(),
                    null));
            Command bound = reader.readPDUHeader(in);
            reader.readPDU(in, bound);
            out.write(composer.enquireLink(2));
            Command link = reader.readPDUHeader(in);
            reader.readPDU(in, link);
            out.write(composer.unbind(3));
            Command unbound = reader.readPDUHeader(in);

            assertEquals(SMPPConstant.CID_BIND_TRANSCEIVER_RESP, bound.getCommandId());
            assertEquals(SMPPConstant.STAT_ESME_ROK, bound.getCommandStatus());
            assertEquals(SMPPConstant.CID_ENQUIRE_LINK_RESP, link.getCommandId());
            assertEquals(2, link.getSequenceNumber());
            assertEquals(SMPPConstant.STAT_ESME_ROK, link.getCommandStatus());
            assertEquals(SMPPConstant.CID_UNBIND_RESP, unbound.getCommandId());
            assertEquals(3, unbound.getSequenceNumber());
        }
        await().atMost(WAIT).until(() -> cut.sessionsBound() == 0);
    }

    @Test
    void aShortChineseMessageInUcs2IsRecordedAsSent() throws Exception {
        Esme esme = bind(BindType.BIND_TRX);
        String text = "您的入学申请已受理，办件编号620123-2027-X-000001";

        String id = esme.submitUcs2(TO, text, "case-1-accepted", false);

        SmsRecord r = only();
        assertEquals(id, r.messageId());
        assertEquals(text, r.text());
        assertEquals(SmsText.Encoding.UCS2, r.encoding());
        assertEquals(1, r.segments());
        assertEquals(TO, r.destination());
        assertEquals(Esme.SENDER, r.source());
        assertEquals("case-1-accepted", r.key());
        assertEquals(SmsRecord.Channel.SMPP, r.channel());
        assertEquals(MessagingConfig.DEMO_SYSTEM_ID, r.systemId());
        assertTrue(r.urgent(), "priority_flag 1 marks the message urgent");
    }

    @Test
    void aLongChineseMessageInMessagePayloadKeepsItsSupplementaryCharacter() throws Exception {
        Esme esme = bind(BindType.BIND_TRX);
        // 2 + 34 × 4 = 138 UTF-16 code units: three 67-unit parts
        String text = RARE + "入学通知".repeat(34);

        esme.submitUcs2(TO, text, "long-1", false);

        SmsRecord r = only();
        assertEquals(text, r.text());
        assertEquals(RARE, new String(Character.toChars(r.text().codePointAt(0))));
        assertEquals(3, r.segments());
    }

    @Test
    void latinTextIsCountedInCharacters() throws Exception {
        Esme esme = bind(BindType.BIND_TX);

        esme.submitLatin(TO, "Your application is accepted", null, false);
        esme.submitLatin("13800138001", "x".repeat(161), null, false);

        List<SmsRecord> all = cut.sms().messages(null, null, 10);
        assertEquals(SmsText.Encoding.LATIN, all.get(0).encoding());
        assertEquals("Your application is accepted", all.get(0).text());
        assertEquals(1, all.get(0).segments());
        assertEquals(2, all.get(1).segments());
    }

    @Test
    void aDeliveryReceiptFollowsOnTheSubmittingTransceiver() throws Exception {
        Esme esme = bind(BindType.BIND_TRX);

        String id = esme.submitUcs2(TO, "录取结果已公布", "receipt-1", true);
        DeliverSm receipt = esme.nextDeliverSm(WAIT);

        assertNotNull(receipt, "no delivery receipt");
        assertTrue(receipt.isSmscDeliveryReceipt(), "esm_class 0x04");
        String text = new String(receipt.getShortMessage(), StandardCharsets.US_ASCII);
        assertTrue(
                text.matches("id:" + id + " sub:001 dlvrd:001 submit date:\\d{10} done date:\\d{10} stat:DELIVRD"
                        + " err:000 text:\\?{7}"),
                text);
        DeliveryReceipt parsed = receipt.getShortMessageAsDeliveryReceipt();
        assertEquals(id, parsed.getId());
        assertEquals(DeliveryReceiptState.DELIVRD, parsed.getFinalStatus());
        assertEquals(
                id,
                ((OptionalParameter.COctetString)
                                receipt.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID))
                        .getValueAsString());
        assertEquals(
                2,
                ((OptionalParameter.Byte) receipt.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE))
                        .getValue());
        assertEquals(TO, receipt.getSourceAddr());
        // the record is marked before the counter moves: wait for both
        await().atMost(WAIT)
                .until(() -> only().receipt() == SmsRecord.Receipt.SENT
                        && cut.stats().get("receiptsSent").equals(1L));
        assertEquals(SmsRecord.Status.DELIVERED, only().status());
    }

    @Test
    void anUndeliverableMessageGetsAnUndelivReceipt() throws Exception {
        cut.faults().setSmsc(cut.faults().smsc().withUndeliverableRate(1));
        Esme esme = bind(BindType.BIND_TRX);

        String id = esme.submitLatin(TO, "Your application is accepted", null, true);
        DeliverSm receipt = esme.nextDeliverSm(WAIT);

        assertNotNull(receipt, "no delivery receipt");
        assertEquals(
                DeliveryReceiptState.UNDELIV,
                receipt.getShortMessageAsDeliveryReceipt().getFinalStatus());
        assertTrue(
                new String(receipt.getShortMessage(), StandardCharsets.US_ASCII).endsWith("text:Your application is "));
        assertEquals(
                5,
                ((OptionalParameter.Byte) receipt.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE))
                        .getValue());
        assertEquals(
                SmsRecord.Status.UNDELIVERABLE, cut.sms().find(id).orElseThrow().status());
    }

    @Test
    void aTransmittersReceiptGoesToAReceiverOfTheSameSystemId() throws Exception {
        Esme transmitter = bind(BindType.BIND_TX);
        Esme receiver = bind(BindType.BIND_RX);

        String id = transmitter.submitUcs2(TO, "请携带户口簿原件", null, true);
        DeliverSm receipt = receiver.nextDeliverSm(WAIT);

        assertNotNull(receipt, "the receiver got no receipt");
        assertEquals(id, receipt.getShortMessageAsDeliveryReceipt().getId());
    }

    @Test
    void aReceiptNoSessionCanTakeIsRetriedThenDroppedAndCounted() throws Exception {
        Esme transmitter = bind(BindType.BIND_TX);

        String id = transmitter.submitUcs2(TO, "请携带户口簿原件", null, true);

        await().atMost(WAIT).until(() -> ((Long) cut.stats().get("receiptsDropped")) == 1);
        SmsRecord r = cut.sms().find(id).orElseThrow();
        assertEquals(SmsRecord.Receipt.DROPPED, r.receipt());
        assertEquals(3, r.receiptAttempts());
        assertEquals(SmsRecord.Status.DELIVERED, r.status(), "the handset got it; only the receipt was lost");
        assertEquals(0L, cut.stats().get("receiptsSent"));
    }

    @Test
    void aClientSlowToAnswerReceiptsHasItsSubmitsAnsweredAllTheSameAndEveryReceiptLater() throws Exception {
        Esme esme = bind(BindType.BIND_TRX);
        esme.holdReceipts();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(esme.submitUcs2(TO, "回执稍后 " + i, "held-" + i, true));
        }
        await().atMost(WAIT).until(() -> esme.heldReceipts() >= 2);

        // receipts now hold the client's PDU threads; each submit_sm_resp must still come within its 5 s timer
        for (int i = 5; i < 25; i++) {
            ids.add(esme.submitUcs2(TO, "回执稍后 " + i, "held-" + i, true));
        }
        await().atMost(WAIT)
                .until(() -> cut.stats().get("receiptsQueued").equals(23L)
                        && cut.stats().get("receiptsInFlight").equals(2L));
        int heldAtOnce = esme.heldReceipts();
        esme.answerReceipts();
        List<String> receipted = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            DeliverSm receipt = esme.nextDeliverSm(WAIT);
            assertNotNull(receipt, "receipt " + (i + 1) + " of " + ids.size() + " never came");
            receipted.add(receipt.getShortMessageAsDeliveryReceipt().getId());
        }

        assertEquals(2, heldAtOnce, "no more deliver_sm unanswered than the window");
        assertEquals(Set.copyOf(ids), Set.copyOf(receipted));
        await().atMost(WAIT).until(() -> cut.stats().get("receiptsSent").equals(25L));
        Map<String, Object> stats = cut.stats();
        assertEquals(0L, stats.get("receiptRetries"), "a receipt waiting its turn is not a failed try");
        assertEquals(0L, stats.get("receiptsQueued"));
        assertTrue(esme.receivedNothing(), "every receipt exactly once");
    }

    @Test
    void aReceiptPastAFullSessionQueueIsCountedAndTriedAgainLater() throws Exception {
        try (MessagingSimulator small = new MessagingSimulator(MessagingConfig.builder()
                                .smppPort(0)
                                .httpPort(0)
                                .smsc(SmscSettings.DEFAULT.withReceiptDelayMs(0))
                                .receiptRetry(30, 500)
                                .receiptFlow(1, 2)
                                // the held deliver_sm must not time out however slowly the test goes
                                .receiptAnswer(60_000)
                                .build())
                        .start();
                Esme esme = Esme.bind(small, BindType.BIND_TRX)) {
            esme.holdReceipts();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(esme.submitUcs2(TO, "队列已满 " + i, "full-" + i, true));
            }

            // one deliver_sm unanswered, two waiting behind it, and the rest found the queue full (how many tries
            // that took depends on when the session's worker took the first one: receipts go out on the submit's
            // thread, so on a busy machine a third can meet a full queue before the worker has run)
            await().atMost(WAIT)
                    .until(() -> (Long) small.stats().get("receiptsQueueFull") >= 2L
                            && small.stats().get("receiptsQueued").equals(2L)
                            && small.stats().get("receiptsInFlight").equals(1L));
            assertTrue((Long) small.stats().get("receiptRetries") >= 2L, "a receipt past a full queue is tried again");
            esme.answerReceipts();
            List<String> receipted = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                DeliverSm receipt = esme.nextDeliverSm(WAIT);
                assertNotNull(receipt, "receipt " + (i + 1) + " of " + ids.size() + " never came");
                receipted.add(receipt.getShortMessageAsDeliveryReceipt().getId());
            }

            assertEquals(Set.copyOf(ids), Set.copyOf(receipted));
            await().atMost(WAIT).until(() -> small.stats().get("receiptsSent").equals(5L));
            assertEquals(0L, small.stats().get("receiptsDropped"));
        }
    }

    @Test
    void aRepeatedIdempotencyKeyGetsTheSameIdAndIsCountedOnce() throws Exception {
        Esme esme = bind(BindType.BIND_TRX);

        String first = esme.submitUcs2(TO, "面谈时间：7月3日上午", "case-7-interview", false);
        String again = esme.submitUcs2(TO, "面谈时间：7月3日上午", "case-7-interview", false);
        String withoutKey1 = esme.submitUcs2(TO, "无键消息", null, false);
        String withoutKey2 = esme.submitUcs2(TO, "无键消息", null, false);

        assertEquals(first, again);
        assertNotEquals(withoutKey1, withoutKey2);
        assertEquals(3, cut.sms().messages(TO, null, 10).size());
        assertEquals(1, cut.sms().messages(null, "case-7-interview", 10).size());
        Map<String, Object> stats = cut.stats();
        assertEquals(3L, stats.get("accepted"));
        assertEquals(Map.of("SMPP", 1L, "HTTP", 0L, "total", 1L), stats.get("duplicates"));
        assertEquals(1, stats.get("uniqueKeys"));
    }

    @Test
    void pastTheThrottleSubmitsAreRefusedWithThrottledAndNotRecorded() throws Exception {
        cut.faults().setSmsc(cut.faults().smsc().withThrottlePerSecond(2));
        long frozen = System.nanoTime();
        cut.sms().ticker(() -> frozen);
        Esme esme = bind(BindType.BIND_TRX);
        List<String> accepted = new ArrayList<>();
        int throttled = 0;

        for (int i = 0; i < 20; i++) {
            try {
                accepted.add(esme.submitUcs2(TO, "限流测试 " + i, "throttle-" + i, false));
            } catch (NegativeResponseException e) {
                assertEquals(SMPPConstant.STAT_ESME_RTHROTTLED, e.getCommandStatus());
                throttled++;
            }
        }

        assertEquals(2, accepted.size(), "the first two fit the window, all within one (frozen) second");
        assertEquals(18, throttled);
        assertEquals(accepted.size(), cut.sms().messages(null, null, 100).size());
        assertEquals((long) throttled, cut.stats().get("throttled"));
    }

    @Test
    void withFailRateOneEverySubmitIsASystemErrorAndNothingIsRecorded() throws Exception {
        cut.faults().setSmsc(cut.faults().smsc().withFailRate(1));
        Esme esme = bind(BindType.BIND_TRX);

        NegativeResponseException e =
                assertThrows(NegativeResponseException.class, () -> esme.submitUcs2(TO, "失败测试", "fail-1", false));

        assertEquals(SMPPConstant.STAT_ESME_RSYSERR, e.getCommandStatus());
        assertTrue(cut.sms().messages(null, null, 10).isEmpty());
        assertEquals(1L, cut.stats().get("failed"));
        assertEquals(0, cut.stats().get("uniqueKeys"), "a failed key may be sent again as new");
    }

    @Test
    void whileDownBindsAreRefusedAndSessionsDroppedUntilItIsBackUp() throws Exception {
        Esme esme = bind(BindType.BIND_TRX);

        cut.faults().setSmsc(cut.faults().smsc().withDown(true));

        await().atMost(WAIT).until(() -> esme.session.getSessionState() == SessionState.CLOSED);
        assertEquals(0, cut.sessionsBound());
        IOException refused = assertThrows(IOException.class, () -> Esme.bind(cut, BindType.BIND_TRX));
        assertEquals(SMPPConstant.STAT_ESME_RBINDFAIL, status(refused));

        cut.faults().setSmsc(cut.faults().smsc().withDown(false));
        Esme again = bind(BindType.BIND_TRX);
        assertNotNull(again.submitUcs2(TO, "恢复后发送", null, false));
    }

    @Test
    void badSubmitsAreRefusedWithTheStatusThatNamesTheProblem() throws Exception {
        Esme esme = bind(BindType.BIND_TRX);

        NegativeResponseException longKey =
                assertThrows(NegativeResponseException.class, () -> esme.submitUcs2(TO, "键太长", "k".repeat(101), false));
        NegativeResponseException oddUcs2 = assertThrows(
                NegativeResponseException.class,
                () -> esme.submit(
                        TO, DataCodings.newInstance((byte) 0x08), new byte[] {0x4e, 0x2d, 0x00}, null, false));
        NegativeResponseException noDestination =
                assertThrows(NegativeResponseException.class, () -> esme.submitUcs2("", "无号码", null, false));

        assertEquals(SMPPConstant.STAT_ESME_RINVTLVVAL, longKey.getCommandStatus());
        assertEquals(SMPPConstant.STAT_ESME_RSUBMITFAIL, oddUcs2.getCommandStatus());
        assertEquals(SMPPConstant.STAT_ESME_RINVDSTADR, noDestination.getCommandStatus());
        assertTrue(cut.sms().messages(null, null, 10).isEmpty());
        assertEquals(3L, cut.stats().get("invalid"));
    }

    @Test
    void queryShowsTheMessagesStateAfterDelivery() throws Exception {
        Esme esme = bind(BindType.BIND_TRX);
        String id = esme.submitUcs2(TO, "查询测试", null, false);
        await().atMost(WAIT).until(() -> cut.sms().find(id).orElseThrow().doneAt() != null);

        QuerySmResult state =
                esme.session.queryShortMessage(id, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, Esme.SENDER);
        NegativeResponseException unknown = assertThrows(
                NegativeResponseException.class,
                () -> esme.session.queryShortMessage(
                        "ffffffffff", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, Esme.SENDER));

        assertEquals(MessageState.DELIVERED, state.getMessageState());
        assertEquals(16, state.getFinalDate().length(), "SMPP absolute time: " + state.getFinalDate());
        assertEquals(SMPPConstant.STAT_ESME_RQUERYFAIL, unknown.getCommandStatus());
    }
}
