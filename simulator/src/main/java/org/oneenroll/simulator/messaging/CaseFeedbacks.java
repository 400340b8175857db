package org.oneenroll.simulator.messaging;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provincial government service platform's side of 办件回传: stores each case status change once per
 * {@code Idempotency-Key}, and notes for every case whether an item arrived below the highest sequence it already
 * had, equal to it, or with a gap, so a test can assert the sender kept each case in order.
 */
public final class CaseFeedbacks {

    /** What became of a case feedback, in the order the platform checks. */
    public enum Verdict {
        /** The platform is down (503): nothing stored. */
        DOWN,
        /** The key was stored before: answered as accepted, not stored again. */
        DUPLICATE,
        /** Drawn into the {@code errorRate} share (500): nothing stored. */
        FAILED,
        /** Stored. */
        ACCEPTED
    }

    /** A feedback's answer; {@code item} is the stored one when accepted, else {@code null}. */
    public record Outcome(Verdict verdict, CaseFeedback item) {}

    /** Per case, for ever (well beyond the items held): the highest sequence and what arrived out of order. */
    private static final class CaseState {
        long highest;
        long items;
        long outOfOrder;
    }

    private final MessagingFaults faults;
    private final int capacity;
    private final EventLog log;
    // everything below: guarded by this
    private final ArrayDeque<CaseFeedback> items;
    private final Map<String, Long> keys = new HashMap<>();
    private final Map<String, CaseState> cases = new HashMap<>();
    private long seq;
    private long accepted;
    private long duplicates;
    private long failed;
    private long refusedDown;
    private long outOfOrder;

    CaseFeedbacks(MessagingFaults faults, int capacity, EventLog log) {
        this.faults = faults;
        this.capacity = capacity;
        this.log = log;
        this.items = new ArrayDeque<>(Math.min(capacity, 1 << 16));
    }

    /** Decides and, when new, stores one case feedback. */
    public Outcome receive(String idempotencyKey, CaseFeedback.Submission f) {
        Outcome outcome;
        synchronized (this) {
            if (faults.provincial().down()) {
                refusedDown++;
                outcome = new Outcome(Verdict.DOWN, null);
            } else if (keys.containsKey(idempotencyKey)) {
                duplicates++;
                outcome = new Outcome(Verdict.DUPLICATE, null);
            } else if (faults.drawFeedbackError()) {
                failed++;
                outcome = new Outcome(Verdict.FAILED, null);
            } else {
                CaseState state = cases.get(f.caseNumber());
                Long before = state == null ? null : state.highest;
                CaseFeedback item = new CaseFeedback(
                        ++seq,
                        idempotencyKey,
                        f.caseNumber(),
                        f.sequence(),
                        f.status(),
                        f.occurredAt(),
                        f.detail(),
                        Instant.now(),
                        CaseFeedback.order(before, f.sequence()),
                        before);
                if (state == null) {
                    state = new CaseState();
                    cases.put(f.caseNumber(), state);
                }
                state.highest = Math.max(f.sequence(), before == null ? f.sequence() : before);
                state.items++;
                if (item.outOfOrder()) {
                    state.outOfOrder++;
                    outOfOrder++;
                }
                if (items.size() == capacity) {
                    items.removeFirst();
                }
                items.addLast(item);
                keys.put(idempotencyKey, item.seq());
                accepted++;
                outcome = new Outcome(Verdict.ACCEPTED, item);
            }
        }
        CaseFeedback item = outcome.item();
        log.event("FEEDBACK_" + outcome.verdict())
                .put("idempotencyKey", idempotencyKey)
                .put("caseNumber", f.caseNumber())
                .put("sequence", f.sequence())
                .put("status", f.status())
                .put("order", item == null ? null : item.order())
                .write();
        return outcome;
    }

    /** The held items of {@code caseNumber} ({@code null}: of every case), oldest first, at most {@code limit}. */
    public synchronized List<CaseFeedback> items(String caseNumber, int limit) {
        List<CaseFeedback> out = new ArrayList<>();
        for (Iterator<CaseFeedback> it = items.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            CaseFeedback f = it.next();
            if (caseNumber == null || caseNumber.equals(f.caseNumber())) {
                out.add(f);
            }
        }
        Collections.reverse(out);
        return out;
    }

    /** Items that arrived out of order for {@code caseNumber} ({@code null}: for every case) since the last reset. */
    public synchronized long outOfOrder(String caseNumber) {
        if (caseNumber == null) {
            return outOfOrder;
        }
        CaseState state = cases.get(caseNumber);
        return state == null ? 0 : state.outOfOrder;
    }

    /** The highest sequence stored for {@code caseNumber}, or 0 when none. */
    public synchronized long highest(String caseNumber) {
        CaseState state = cases.get(caseNumber);
        return state == null ? 0 : state.highest;
    }

    public synchronized Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feedbackAccepted", accepted);
        m.put("feedbackDuplicates", duplicates);
        m.put("feedbackOutOfOrder", outOfOrder);
        m.put("feedbackFailed", failed);
        m.put("feedbackRefusedDown", refusedDown);
        m.put("feedbackCases", cases.size());
        m.put("feedbackStored", items.size());
        return m;
    }

    public synchronized void reset() {
        items.clear();
        keys.clear();
        cases.clear();
        seq = 0;
        accepted = 0;
        duplicates = 0;
        failed = 0;
        refusedDown = 0;
        outOfOrder = 0;
    }
}
