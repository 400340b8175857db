package org.oneenroll.simulator.messaging;

/**
 * Where SMSC delivery receipts go: a port, so the {@link SmsCenter} decides when a receipt is due and how often it
 * is tried without knowing SMPP. {@link Smsc} sends them as deliver_sm.
 */
interface ReceiptChannel {

    /** How one try of a receipt ended. */
    enum Result {
        /** The client answered the deliver_sm with ESME_ROK. */
        SENT,
        /** No session bound to receive for the message's system_id. */
        NO_SESSION,
        /** The chosen session already holds as many receipts waiting as it may. */
        QUEUE_FULL,
        /** The client refused the deliver_sm, did not answer in time, or the session went away. */
        FAILED
    }

    /** One try of one receipt, as the centre hands it over. */
    interface Attempt {

        SmsRecord record();

        /** Whether a reset forgot this receipt since: it is then skipped, not sent. */
        boolean cancelled();

        /** Called exactly once per try that was not skipped, on whatever thread learnt the outcome. */
        void finished(Result result);
    }

    /**
     * Starts one try of a receipt. Never blocks on the network: the receipt waits in the chosen session's queue
     * and {@link Attempt#finished} reports the outcome later (at once when no session can take it).
     */
    void send(Attempt attempt);
}
