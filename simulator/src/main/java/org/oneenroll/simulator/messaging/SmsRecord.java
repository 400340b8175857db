package org.oneenroll.simulator.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One accepted short message, whichever channel brought it, and what became of it: delivered or not, and whether
 * its delivery receipt went out. Everything but the delivery state is fixed at acceptance.
 */
public final class SmsRecord {

    /** How the message reached the simulator. */
    public enum Channel {
        SMPP,
        HTTP
    }

    /** Where the message stands, as {@code GET /api/v1/sms/{id}} and the receipt's message_state tell it. */
    public enum Status {
        ACCEPTED,
        DELIVERED,
        UNDELIVERABLE
    }

    /** The fate of the SMSC delivery receipt the sender may have asked for. */
    public enum Receipt {
        NOT_REQUESTED,
        PENDING,
        SENT,
        DROPPED
    }

    private final long seq;
    private final String messageId;
    private final Channel channel;
    private final String key;
    private final String source;
    private final String destination;
    private final SmsText text;
    private final boolean urgent;
    private final Instant acceptedAt;
    private final String systemId;
    private final String sessionId;
    private final boolean receiptRequested;
    private final boolean undeliverable;
    private final long deliveryDelayMs;
    private volatile Status status = Status.ACCEPTED;
    private volatile Instant doneAt;
    private volatile Receipt receipt;
    private volatile int receiptAttempts;

    SmsRecord(
            long seq,
            String messageId,
            SmsSubmission submission,
            Instant acceptedAt,
            boolean undeliverable,
            long deliveryDelayMs) {
        this.seq = seq;
        this.messageId = messageId;
        this.channel = submission.channel();
        this.key = submission.key();
        this.source = submission.source();
        this.destination = submission.destination();
        this.text = submission.text();
        this.urgent = submission.urgent();
        this.acceptedAt = acceptedAt;
        this.systemId = submission.systemId();
        this.sessionId = submission.sessionId();
        this.undeliverable = undeliverable;
        this.deliveryDelayMs = deliveryDelayMs;
        this.receiptRequested = submission.wantsReceipt(undeliverable);
        this.receipt = receiptRequested ? Receipt.PENDING : Receipt.NOT_REQUESTED;
    }

    /** Numbers the accepted messages since the last reset, in the order they were accepted. */
    public long seq() {
        return seq;
    }

    public String messageId() {
        return messageId;
    }

    public Channel channel() {
        return channel;
    }

    /** The sender's idempotency key, or {@code null}. */
    public String key() {
        return key;
    }

    /** SMPP source_addr; {@code null} over HTTP. */
    public String source() {
        return source;
    }

    public String destination() {
        return destination;
    }

    public String text() {
        return text.text();
    }

    public SmsText.Encoding encoding() {
        return text.encoding();
    }

    public int segments() {
        return text.segments();
    }

    public boolean urgent() {
        return urgent;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    /** The system_id of the SMPP session that submitted it; {@code null} over HTTP. */
    public String systemId() {
        return systemId;
    }

    /** jSMPP's id of the submitting session, so the receipt can prefer it; {@code null} over HTTP. */
    String sessionId() {
        return sessionId;
    }

    public Status status() {
        return status;
    }

    /** When the handset got it (or the network gave up); {@code null} while {@link Status#ACCEPTED}. */
    public Instant doneAt() {
        return doneAt;
    }

    public Receipt receipt() {
        return receipt;
    }

    public int receiptAttempts() {
        return receiptAttempts;
    }

    boolean receiptRequested() {
        return receiptRequested;
    }

    long deliveryDelayMs() {
        return deliveryDelayMs;
    }

    SmsText smsText() {
        return text;
    }

    /** The network's verdict, drawn at acceptance and revealed after the delivery delay. */
    void markDone(Instant at) {
        doneAt = at;
        status = undeliverable ? Status.UNDELIVERABLE : Status.DELIVERED;
    }

    void receiptAttempted() {
        receiptAttempts++;
    }

    void receiptSent() {
        receipt = Receipt.SENT;
    }

    void receiptDropped() {
        receipt = Receipt.DROPPED;
    }

    /** The record as {@code GET /admin/sms} lists it. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("messageId", messageId);
        m.put("channel", channel);
        m.put("key", key);
        m.put("source", source);
        m.put("destination", destination);
        m.put("text", text.text());
        m.put("encoding", text.encoding());
        m.put("segments", text.segments());
        m.put("urgent", urgent);
        m.put("acceptedAt", acceptedAt.toString());
        m.put("sessionSystemId", systemId);
        m.put("status", status);
        Instant done = doneAt;
        m.put("doneAt", done == null ? null : done.toString());
        m.put("receipt", receipt);
        m.put("receiptAttempts", receiptAttempts);
        return m;
    }

    /** A phone number as logs show it: {@code 138****8000}. */
    static String mask(String number) {
        if (number == null) {
            return null;
        }
        if (number.length() <= 7) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 7) + number.substring(number.length() - 4);
    }
}
