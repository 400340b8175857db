package org.oneenroll.verification.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.SourceFailure;

/**
 * Guards one source: a bulkhead (at most N queries in flight from this node), a circuit breaker (after
 * repeated failures the source is not asked at all for a while, then one trial query decides), and bounded
 * retries with exponential backoff for failures that retrying can cure. Thread-safe; one per source.
 */
public final class SourceGuard {

    /** The breaker's state, as operators and tests see it. */
    public enum Circuit {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final GovernmentSource source;
    private final GuardPolicy policy;
    private final Clock clock;
    private final Semaphore bulkhead;

    private int consecutiveFailures;
    private long openUntilNanos;
    private boolean open;
    private boolean trialInFlight;

    public SourceGuard(GovernmentSource source, GuardPolicy policy, Clock clock) {
        this.source = source;
        this.policy = policy;
        this.clock = clock;
        this.bulkhead = new Semaphore(policy.bulkhead(), true);
    }

    /**
     * Runs {@code attempt} (given the attempt number, from 1) until it answers, fails in a way retrying cannot
     * cure, or the attempts are used up; the returned answer counts the attempts and their total time.
     */
    public SourceAnswer call(String requestId, IntFunction<SourceAnswer> attempt) {
        return call(requestId, attempt, () -> true);
    }

    /**
     * {@link #call(String, IntFunction)}, asking {@code mayAskAgain} before each retry: when it says no (the family
     * withdrew the authorisation while the source was failing), the last failure stands and nothing more is asked.
     */
    public SourceAnswer call(String requestId, IntFunction<SourceAnswer> attempt, BooleanSupplier mayAskAgain) {
        Instant askedAt = clock.instant();
        long started = System.nanoTime();
        try {
            if (!bulkhead.tryAcquire(policy.bulkheadWait().toMillis(), TimeUnit.MILLISECONDS)) {
                return SourceAnswer.failed(
                        source,
                        SourceFailure.BULKHEAD_FULL,
                        requestId,
                        askedAt,
                        since(started),
                        policy.bulkhead() + " queries to " + source.slug() + " already in flight from this node");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SourceAnswer.failed(
                    source, SourceFailure.UNREACHABLE, requestId, askedAt, since(started), "interrupted");
        }
        try {
            SourceAnswer last = null;
            int made = 0;
            for (int n = 1; n <= policy.maxAttempts(); n++) {
                if (n > 1 && (!pause(policy.backoffBefore(n)) || !mayAskAgain.getAsBoolean())) {
                    break;
                }
                boolean trial = admit();
                if (!trial && isOpen()) {
                    SourceAnswer refused = SourceAnswer.failed(
                            source,
                            SourceFailure.CIRCUIT_OPEN,
                            requestId,
                            askedAt,
                            since(started),
                            "circuit open after " + policy.failuresToOpen() + " failures in a row");
                    return last == null ? refused : last.afterAttempts(n - 1, askedAt, since(started));
                }
                last = attempt.apply(n);
                made = n;
                record(last, trial);
                if (last.answered() || !last.failure().retryable()) {
                    return last.afterAttempts(n, askedAt, since(started));
                }
            }
            // Attempts used up, the pause before the next one interrupted, or no more asking allowed: the last failure
            // stands.
            return last.afterAttempts(made, askedAt, since(started));
        } finally {
            bulkhead.release();
        }
    }

    /** True when this call is the half-open trial; false when the circuit is closed (or open and refusing). */
    private synchronized boolean admit() {
        if (!open) {
            return false;
        }
        if (System.nanoTime() - openUntilNanos >= 0 && !trialInFlight) {
            trialInFlight = true;
            return true;
        }
        return false;
    }

    private synchronized boolean isOpen() {
        return open;
    }

    private synchronized void record(SourceAnswer answer, boolean trial) {
        if (trial) {
            trialInFlight = false;
        }
        boolean sourceFault = !answer.answered() && answer.failure().retryable();
        if (!sourceFault) {
            consecutiveFailures = 0;
            open = false;
            return;
        }
        consecutiveFailures++;
        if (trial || consecutiveFailures >= policy.failuresToOpen()) {
            open = true;
            openUntilNanos = System.nanoTime() + policy.openFor().toNanos();
        }
    }

    public synchronized Circuit circuit() {
        if (!open) {
            return Circuit.CLOSED;
        }
        return System.nanoTime() - openUntilNanos >= 0 ? Circuit.HALF_OPEN : Circuit.OPEN;
    }

    public GovernmentSource source() {
        return source;
    }

    public GuardPolicy policy() {
        return policy;
    }

    private static boolean pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
