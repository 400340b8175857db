package org.oneenroll.simulator.messaging;

/**
 * A message as a channel hands it to the {@link SmsCenter}, already decoded and checked.
 *
 * @param channel            SMPP or HTTP
 * @param key                the sender's idempotency key (TLV 0x1401 or the JSON {@code key}), or {@code null}
 * @param source             SMPP source_addr, {@code null} over HTTP
 * @param destination        the handset's number
 * @param text               the decoded text
 * @param urgent             HTTP {@code urgent}, or an SMPP priority_flag above 0
 * @param systemId           the submitting session's system_id, {@code null} over HTTP
 * @param sessionId          the submitting session's jSMPP id, {@code null} over HTTP
 * @param registeredDelivery SMPP registered_delivery (0 over HTTP): bits 0–1 say which receipts are wanted
 */
public record SmsSubmission(
        SmsRecord.Channel channel,
        String key,
        String source,
        String destination,
        SmsText text,
        boolean urgent,
        String systemId,
        String sessionId,
        byte registeredDelivery) {

    /** A message over the HTTP provider API, which has no receipts. */
    public static SmsSubmission http(String key, String destination, String text, boolean urgent) {
        return new SmsSubmission(
                SmsRecord.Channel.HTTP, key, null, destination, SmsText.of(text), urgent, null, null, (byte) 0);
    }

    /**
     * Whether the SMSC owes a delivery receipt: registered_delivery {@code xxxxxx01} asks for one on success and
     * failure, {@code xxxxxx10} on failure only.
     */
    boolean wantsReceipt(boolean undeliverable) {
        return switch (registeredDelivery & 0x03) {
            case 0x01 -> true;
            case 0x02 -> undeliverable;
            default -> false;
        };
    }
}
