package org.oneenroll.simulator.messaging;

/**
 * Where SMSC delivery receipts go: a port, so the {@link SmsCenter} decides when a receipt is due and how often it
 * is tried without knowing SMPP. {@link Smsc} sends them as deliver_sm.
 */
interface ReceiptChannel {

    /** Tries once to hand the receipt for {@code record} to a bound session; {@code false} when it could not. */
    boolean send(SmsRecord record);
}
