package org.oneenroll.simulator.messaging;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The message centre behind both SMS channels: one store of accepted messages, one complete index of idempotency
 * keys, one throttle window and one failure draw, so a key accepted over SMPP is a duplicate over HTTP and the
 * other way round. It decides each submission, then delivers the accepted ones after the configured delay and
 * hands the delivery receipts asked for to the {@link ReceiptChannel}, trying again a few times while no session
 * takes them. Nothing here waits for a client: a receipt's outcome comes back later.
 */
public final class SmsCenter {

    private static final Logger LOG = Logger.getLogger(SmsCenter.class.getName());

    /** What became of a submission, in the order the centre checks. */
    public enum Verdict {
        /** The SMSC is down: nothing recorded. */
        DOWN,
        /** The key was accepted before: the same message id again, nothing recorded. */
        DUPLICATE,
        /** More than {@code throttlePerSecond} accepted in the last second: nothing recorded. */
        THROTTLED,
        /** Drawn into the {@code failRate} share: nothing recorded. */
        FAILED,
        /** Recorded as a new message. */
        ACCEPTED
    }

    /**
     * A submission's answer.
     *
     * @param verdict   what happened
     * @param messageId the new or the original message id; {@code null} unless accepted or duplicate
     * @param segments  the message's segments; 0 unless accepted or duplicate
     * @param record    the accepted message (for a duplicate the original while it is still held), else {@code null}
     */
    public record Outcome(Verdict verdict, String messageId, int segments, SmsRecord record) {

        static Outcome refused(Verdict verdict) {
            return new Outcome(verdict, null, 0, null);
        }
    }

    /** What the key index keeps for ever (well beyond the records): enough to answer a duplicate. */
    private record KeyEntry(String messageId, int segments) {}

    private final MessagingFaults faults;
    private final int capacity;
    private final int receiptAttempts;
    private final long receiptRetryMs;
    private final EventLog log;
    private final ScheduledThreadPoolExecutor timer;
    private volatile ReceiptChannel receipts = a -> a.finished(ReceiptChannel.Result.NO_SESSION);

    // the store, the key index, the window and the numbering: guarded by this
    private final ArrayDeque<SmsRecord> records;
    private final Map<String, SmsRecord> byId = new HashMap<>();
    private final Map<String, KeyEntry> keys = new HashMap<>();
    private final SlidingWindow window = new SlidingWindow();
    // the throttle window's clock; tests freeze it so "the same second" does not depend on a busy machine
    private volatile LongSupplier ticker = System::nanoTime;
    private long seq;
    /** Message ids keep rising across resets, so a late receipt never names a message of the next run. */
    private long lastId;
    /** Deliveries and receipts scheduled before a reset carry the old generation and are dropped. */
    private volatile long generation;

    private final Map<SmsRecord.Channel, LongAdder> accepted = counters();
    private final Map<SmsRecord.Channel, LongAdder> duplicates = counters();
    private final Map<SmsRecord.Channel, LongAdder> throttled = counters();
    private final Map<SmsRecord.Channel, LongAdder> failed = counters();
    private final Map<SmsRecord.Channel, LongAdder> refusedDown = counters();
    private final Map<SmsRecord.Channel, LongAdder> invalid = counters();
    private final LongAdder segments = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder undeliverable = new LongAdder();
    private final LongAdder receiptsRequested = new LongAdder();
    private final LongAdder receiptsSent = new LongAdder();
    private final LongAdder receiptsDropped = new LongAdder();
    private final LongAdder receiptRetries = new LongAdder();
    private final LongAdder receiptsQueueFull = new LongAdder();

    /**
     * @param capacity        accepted messages held (the oldest dropped first); the key index is never trimmed
     * @param receiptAttempts tries per receipt before it is dropped
     * @param receiptRetryMs  pause between tries
     */
    SmsCenter(MessagingFaults faults, int capacity, int receiptAttempts, long receiptRetryMs, EventLog log) {
        this.faults = faults;
        this.capacity = capacity;
        this.receiptAttempts = receiptAttempts;
        this.receiptRetryMs = receiptRetryMs;
        this.log = log;
        this.records = new ArrayDeque<>(Math.min(capacity, 1 << 16));
        AtomicInteger n = new AtomicInteger();
        // one thread is enough: a delivery only marks the record and queues its receipt, it never waits for a client
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sms-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Replaces the throttle window's nanosecond clock (tests, here and in the gateway's). */
    public void ticker(LongSupplier nanos) {
        this.ticker = nanos;
    }

    void receiptsVia(ReceiptChannel channel) {
        this.receipts = channel;
    }

    /** Decides a submission: down, duplicate, throttled, failed or accepted, in that order. */
    public Outcome submit(SmsSubmission s) {
        SmscSettings settings = faults.smsc();
        Outcome outcome;
        synchronized (this) {
            KeyEntry known = s.key() == null ? null : keys.get(s.key());
            long now = ticker.getAsLong();
            if (settings.down()) {
                outcome = Outcome.refused(Verdict.DOWN);
            } else if (known != null) {
                outcome = new Outcome(
                        Verdict.DUPLICATE, known.messageId(), known.segments(), byId.get(known.messageId()));
            } else if (window.full(now, settings.throttlePerSecond())) {
                outcome = Outcome.refused(Verdict.THROTTLED);
            } else if (faults.drawFailure()) {
                outcome = Outcome.refused(Verdict.FAILED);
            } else {
                window.admit(now, settings.throttlePerSecond());
                SmsRecord r = new SmsRecord(
                        ++seq,
                        String.format("%010x", ++lastId),
                        s,
                        Instant.now(),
                        faults.drawUndeliverable(),
                        settings.receiptDelayMs());
                store(r);
                outcome = new Outcome(Verdict.ACCEPTED, r.messageId(), r.segments(), r);
            }
        }
        count(s, outcome);
        return outcome;
    }

    private void store(SmsRecord r) {
        if (records.size() == capacity) {
            byId.remove(records.removeFirst().messageId());
        }
        records.addLast(r);
        byId.put(r.messageId(), r);
        if (r.key() != null) {
            keys.put(r.key(), new KeyEntry(r.messageId(), r.segments()));
        }
    }

    private void count(SmsSubmission s, Outcome o) {
        SmsRecord.Channel c = s.channel();
        switch (o.verdict()) {
            case ACCEPTED -> {
                accepted.get(c).increment();
                segments.add(o.segments());
                if (o.record().receiptRequested()) {
                    receiptsRequested.increment();
                }
            }
            case DUPLICATE -> duplicates.get(c).increment();
            case THROTTLED -> throttled.get(c).increment();
            case FAILED -> failed.get(c).increment();
            case DOWN -> refusedDown.get(c).increment();
        }
        log.event("SMS_" + o.verdict())
                .put("channel", c)
                .put("messageId", o.messageId())
                .put("key", s.key())
                .put("to", SmsRecord.mask(s.destination()))
                .put("segments", s.text().segments())
                .put("systemId", s.systemId())
                .write();
    }

    /** Counts a submission refused before it reached the centre (bad text, address or key). */
    void invalid(SmsRecord.Channel channel, String reason) {
        invalid.get(channel).increment();
        log.event("SMS_INVALID").put("channel", channel).put("reason", reason).write();
    }

    /**
     * Starts an accepted message on its way: after its delivery delay it is DELIVERED or UNDELIVERABLE, and the
     * receipt asked for goes out. SMPP calls this once the submit_sm_resp is out, so a receipt never overtakes it.
     */
    public void dispatch(SmsRecord r) {
        long gen = generation;
        if (r.deliveryDelayMs() <= 0) {
            // delivered at once, on the caller's thread: only queueing the receipt is left, which never blocks, and
            // a hand-over to the timer thread per message was a good share of the simulator's time under load
            deliver(r, gen);
        } else {
            schedule(() -> deliver(r, gen), r.deliveryDelayMs());
        }
    }

    private void deliver(SmsRecord r, long gen) {
        if (gen != generation) {
            return;
        }
        r.markDone(Instant.now());
        (r.status() == SmsRecord.Status.DELIVERED ? delivered : undeliverable).increment();
        if (r.receiptRequested()) {
            sendReceipt(r, gen);
        }
    }

    private void sendReceipt(SmsRecord r, long gen) {
        if (gen != generation) {
            return;
        }
        r.receiptAttempted();
        ReceiptChannel.Attempt attempt = new ReceiptChannel.Attempt() {
            @Override
            public SmsRecord record() {
                return r;
            }

            @Override
            public boolean cancelled() {
                return gen != generation;
            }

            @Override
            public void finished(ReceiptChannel.Result result) {
                receiptTried(r, gen, result);
            }
        };
        try {
            receipts.send(attempt);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "delivery receipt for " + r.messageId() + " failed", e);
            receiptTried(r, gen, ReceiptChannel.Result.FAILED);
        }
    }

    /** One try's outcome: done, tried again after {@code receiptRetryMs}, or dropped after the last attempt. */
    private void receiptTried(SmsRecord r, long gen, ReceiptChannel.Result result) {
        if (gen != generation) {
            return;
        }
        if (result == ReceiptChannel.Result.SENT) {
            r.receiptSent();
            receiptsSent.increment();
            log.event("RECEIPT_SENT")
                    .put("messageId", r.messageId())
                    .put("status", r.status())
                    .put("attempt", r.receiptAttempts())
                    .write();
            return;
        }
        if (result == ReceiptChannel.Result.QUEUE_FULL) {
            receiptsQueueFull.increment();
        }
        if (r.receiptAttempts() < receiptAttempts) {
            receiptRetries.increment();
            schedule(() -> sendReceipt(r, gen), receiptRetryMs);
        } else {
            r.receiptDropped();
            receiptsDropped.increment();
            LOG.warning(() -> "delivery receipt for " + r.messageId() + " to system_id " + r.systemId()
                    + " dropped after " + r.receiptAttempts() + " attempts, the last one " + result);
            log.event("RECEIPT_DROPPED")
                    .put("messageId", r.messageId())
                    .put("attempts", r.receiptAttempts())
                    .put("last", result)
                    .write();
        }
    }

    private void schedule(Runnable task, long delayMs) {
        try {
            timer.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine("stopping: delivery not scheduled");
        }
    }

    public synchronized Optional<SmsRecord> find(String messageId) {
        return Optional.ofNullable(byId.get(messageId));
    }

    /**
     * The held messages to {@code to} and/or with idempotency key {@code key} ({@code null} matches all), oldest
     * first, at most {@code limit} of the newest.
     */
    public synchronized List<SmsRecord> messages(String to, String key, int limit) {
        if (key != null) {
            KeyEntry k = keys.get(key);
            SmsRecord r = k == null ? null : byId.get(k.messageId());
            return r != null && limit > 0 && (to == null || to.equals(r.destination())) ? List.of(r) : List.of();
        }
        List<SmsRecord> out = new ArrayList<>();
        for (Iterator<SmsRecord> it = records.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            SmsRecord r = it.next();
            if (to == null || to.equals(r.destination())) {
                out.add(r);
            }
        }
        Collections.reverse(out);
        return out;
    }

    /** Counts since the last reset; {@code uniqueKeys} and {@code stored} are what the centre holds now. */
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", total(accepted));
        m.put("acceptedByChannel", byChannel(accepted, false));
        m.put("duplicates", byChannel(duplicates, true));
        m.put("throttled", total(throttled));
        m.put("failed", total(failed));
        m.put("refusedDown", total(refusedDown));
        m.put("invalid", total(invalid));
        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put("throttled", byChannel(throttled, false));
        refused.put("failed", byChannel(failed, false));
        refused.put("refusedDown", byChannel(refusedDown, false));
        refused.put("invalid", byChannel(invalid, false));
        m.put("refusedByChannel", refused);
        m.put("segments", segments.sum());
        m.put("delivered", delivered.sum());
        m.put("undeliverable", undeliverable.sum());
        long sent = receiptsSent.sum();
        long dropped = receiptsDropped.sum();
        m.put("receiptsSent", sent);
        m.put("receiptsDropped", dropped);
        m.put("receiptsPending", Math.max(0, receiptsRequested.sum() - sent - dropped));
        m.put("receiptRetries", receiptRetries.sum());
        m.put("receiptsQueueFull", receiptsQueueFull.sum());
        synchronized (this) {
            m.put("uniqueKeys", keys.size());
            m.put("stored", records.size());
        }
        return m;
    }

    /** Empties the store and the key index, clears the counts and the throttle window, forgets pending receipts. */
    public void reset() {
        synchronized (this) {
            generation++;
            records.clear();
            byId.clear();
            keys.clear();
            window.clear();
            seq = 0;
        }
        for (Map<SmsRecord.Channel, LongAdder> m :
                List.of(accepted, duplicates, throttled, failed, refusedDown, invalid)) {
            m.values().forEach(LongAdder::reset);
        }
        for (LongAdder a : List.of(
                segments,
                delivered,
                undeliverable,
                receiptsRequested,
                receiptsSent,
                receiptsDropped,
                receiptRetries,
                receiptsQueueFull)) {
            a.reset();
        }
    }

    void close() {
        timer.shutdownNow();
    }

    private static Map<SmsRecord.Channel, LongAdder> counters() {
        Map<SmsRecord.Channel, LongAdder> m = new EnumMap<>(SmsRecord.Channel.class);
        for (SmsRecord.Channel c : SmsRecord.Channel.values()) {
            m.put(c, new LongAdder());
        }
        return m;
    }

    private static long total(Map<SmsRecord.Channel, LongAdder> m) {
        return m.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static Map<String, Object> byChannel(Map<SmsRecord.Channel, LongAdder> m, boolean withTotal) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((c, n) -> out.put(c.name(), n.sum()));
        if (withTotal) {
            out.put("total", total(m));
        }
        return out;
    }
}
