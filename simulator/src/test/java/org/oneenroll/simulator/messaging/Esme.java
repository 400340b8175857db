package org.oneenroll.simulator.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;

/**
 * A test ESME on jSMPP's client side, sending the way OneEnroll's SMS gateway does: UCS-2 for Chinese,
 * message_payload for long texts, the idempotency key in TLV 0x1401; every deliver_sm it receives is queued. It can
 * be told to hold its deliver_sm_resp back, as a gateway busy with its receipts would.
 */
final class Esme implements AutoCloseable {

    static final String SENDER = "10690123";

    final SMPPSession session = new SMPPSession();
    private final BlockingQueue<DeliverSm> delivered = new LinkedBlockingQueue<>();
    /** Open: deliver_sm answered at once; closed: the receiving thread waits on it before answering. */
    private volatile CountDownLatch answerReceipts = new CountDownLatch(0);

    private final AtomicInteger held = new AtomicInteger();

    private Esme() {
        session.setTransactionTimer(5000);
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                held.incrementAndGet();
                try {
                    // on one of jSMPP's PDU threads, as a gateway's own receipt handling would be
                    answerReceipts.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.decrementAndGet();
                }
                delivered.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {}

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("not expected", 0x03);
            }
        });
    }

    static Esme bind(MessagingSimulator sim, BindType type) throws IOException {
        return bind(sim, type, MessagingConfig.DEMO_SYSTEM_ID, MessagingConfig.DEMO_PASSWORD);
    }

    static Esme bind(MessagingSimulator sim, BindType type, String systemId, String password) throws IOException {
        Esme esme = new Esme();
        esme.session.connectAndBind(
                sim.host(),
                sim.smppPort(),
                new BindParameter(
                        type,
                        systemId,
                        password,
                        "oneenroll",
                        TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN,
                        null),
                5000);
        return esme;
    }

    /** Chinese (or any) text as UCS-2: in short_message up to 140 bytes, else in message_payload. */
    String submitUcs2(String to, String text, String key, boolean receipt) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_16BE);
        return bytes.length <= 140
                ? submit(to, DataCodings.newInstance((byte) 0x08), bytes, key, receipt)
                : submitPayload(to, DataCodings.newInstance((byte) 0x08), bytes, key, receipt);
    }

    String submitLatin(String to, String text, String key, boolean receipt) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return bytes.length <= 160
                ? submit(to, DataCodings.ZERO, bytes, key, receipt)
                : submitPayload(to, DataCodings.ZERO, bytes, key, receipt);
    }

    String submit(String to, DataCoding coding, byte[] shortMessage, String key, boolean receipt) throws Exception {
        return send(to, coding, shortMessage, receipt, keyTlv(key));
    }

    String submitPayload(String to, DataCoding coding, byte[] text, String key, boolean receipt) throws Exception {
        OptionalParameter payload =
                new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), text);
        OptionalParameter[] tlvs =
                key == null ? new OptionalParameter[] {payload} : new OptionalParameter[] {payload, keyTlv(key)[0]};
        return send(to, coding, new byte[0], receipt, tlvs);
    }

    /** A submit_sm as the gateway sends it; a refusal surfaces as jSMPP's NegativeResponseException. */
    String send(String to, DataCoding coding, byte[] shortMessage, boolean receipt, OptionalParameter... tlvs)
            throws Exception {
        SubmitSmResult result = session.submitShortMessage(
                "",
                TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN,
                SENDER,
                TypeOfNumber.INTERNATIONAL,
                NumberingPlanIndicator.ISDN,
                to,
                new ESMClass(),
                (byte) 0,
                (byte) 1,
                null,
                null,
                new RegisteredDelivery(receipt ? 1 : 0),
                (byte) 0,
                coding,
                (byte) 0,
                shortMessage,
                tlvs);
        return result.getMessageId();
    }

    static OptionalParameter[] keyTlv(String key) {
        return key == null
                ? new OptionalParameter[0]
                : new OptionalParameter[] {
                    new OptionalParameter.OctetString((short) 0x1401, key.getBytes(StandardCharsets.US_ASCII))
                };
    }

    /** From now on each deliver_sm is held, its deliver_sm_resp not sent, until {@link #answerReceipts()}. */
    void holdReceipts() {
        answerReceipts = new CountDownLatch(1);
    }

    /** Answers the deliver_sm held since {@link #holdReceipts()}, and every later one at once. */
    void answerReceipts() {
        answerReceipts.countDown();
    }

    /** deliver_sm received and held, each keeping one of the client's PDU threads busy. */
    int heldReceipts() {
        return held.get();
    }

    /** The next deliver_sm, waiting up to {@code timeout}; {@code null} when none came. */
    DeliverSm nextDeliverSm(Duration timeout) throws InterruptedException {
        return delivered.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean receivedNothing() {
        return delivered.isEmpty();
    }

    @Override
    public void close() {
        answerReceipts();
        session.unbindAndClose();
    }
}
