package org.oneenroll.simulator.messaging;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One receiving session's delivery receipts on their way out: a bounded queue drained by at most {@code window}
 * workers, each sending one deliver_sm and waiting for its answer. The window stays below the PDU threads of a
 * jSMPP client (3 by default), so a client slow to answer receipts never has all of them busy with receipts and
 * still reads its submit_sm_resp; what it cannot take yet waits here, never on the threads that answer submits.
 */
final class ReceiptOutbox {

    private static final Logger LOG = Logger.getLogger(ReceiptOutbox.class.getName());

    private final Function<SmsRecord, ReceiptChannel.Result> deliver;
    private final Executor workers;
    private final int window;
    private final int capacity;
    // guarded by this
    private final ArrayDeque<ReceiptChannel.Attempt> waiting = new ArrayDeque<>();
    private int draining;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param deliver  sends one receipt and waits for the client's answer
     * @param workers  runs the draining workers (shared by every session)
     * @param window   deliver_sm unanswered at once, at most
     * @param capacity receipts waiting, at most
     */
    ReceiptOutbox(Function<SmsRecord, ReceiptChannel.Result> deliver, Executor workers, int window, int capacity) {
        this.deliver = deliver;
        this.workers = workers;
        this.window = window;
        this.capacity = capacity;
    }

    /** Queues a receipt; {@code false}, and nothing queued, when {@code capacity} receipts already wait. */
    boolean offer(ReceiptChannel.Attempt attempt) {
        synchronized (this) {
            if (waiting.size() >= capacity) {
                return false;
            }
            waiting.addLast(attempt);
            if (draining >= window) {
                return true;
            }
            draining++;
        }
        try {
            workers.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // the SMSC is stopping: nothing will be sent any more
            synchronized (this) {
                draining--;
            }
        }
        return true;
    }

    /** Receipts queued and not yet sent. */
    synchronized int waiting() {
        return waiting.size();
    }

    /** deliver_sm sent and not yet answered. */
    int inFlight() {
        return inFlight.get();
    }

    private void drain() {
        while (true) {
            ReceiptChannel.Attempt next;
            synchronized (this) {
                next = waiting.pollFirst();
                if (next == null) {
                    draining--;
                    return;
                }
            }
            if (next.cancelled()) {
                continue;
            }
            ReceiptChannel.Result result;
            inFlight.incrementAndGet();
            try {
                result = deliver.apply(next.record());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "delivery receipt for " + next.record().messageId() + " failed", e);
                result = ReceiptChannel.Result.FAILED;
            } finally {
                inFlight.decrementAndGet();
            }
            try {
                next.finished(result);
            } catch (RuntimeException e) {
                // a worker must survive it, or the receipts behind it would wait for ever
                LOG.log(Level.WARNING, "after the receipt for " + next.record().messageId(), e);
            }
        }
    }
}
