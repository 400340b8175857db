package org.oneenroll.verification.control;

import java.time.Duration;

/**
 * How hard OneEnroll tries one source: the per-attempt timeout, bounded retries with exponential backoff,
 * when the circuit opens and for how long, and how many queries this node sends the source at once.
 *
 * @param failuresToOpen consecutive failed attempts after which the circuit opens
 * @param openFor        how long an open circuit refuses before it lets one trial query through
 * @param bulkhead       queries in flight to the source from this node (size it to the source's own cap)
 * @param bulkheadWait   how long a query may wait for a place before it is refused
 */
public record GuardPolicy(
        Duration timeout,
        int maxAttempts,
        Duration backoff,
        double backoffMultiplier,
        Duration maxBackoff,
        int failuresToOpen,
        Duration openFor,
        int bulkhead,
        Duration bulkheadWait) {

    public GuardPolicy {
        if (maxAttempts < 1 || failuresToOpen < 1 || bulkhead < 1 || backoffMultiplier < 1) {
            throw new IllegalArgumentException("attempts, failures to open and bulkhead must be at least 1");
        }
    }

    /**
     * Defaults for the provincial platform: 2 s per attempt (well above a source's p99, well below a hang),
     * 3 attempts 200 ms then 400 ms apart, open after 5 failures in a row for 30 s, 50 in flight.
     */
    public static GuardPolicy defaults() {
        return new GuardPolicy(
                Duration.ofSeconds(2),
                3,
                Duration.ofMillis(200),
                2.0,
                Duration.ofSeconds(2),
                5,
                Duration.ofSeconds(30),
                50,
                Duration.ofSeconds(5));
    }

    /** The pause before attempt {@code attempt} (2, 3, ...). */
    public Duration backoffBefore(int attempt) {
        double millis = backoff.toMillis() * Math.pow(backoffMultiplier, attempt - 2);
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }

    /** The longest one guarded query can take: every attempt timing out, every pause taken. */
    public Duration worstCase() {
        Duration total = bulkheadWait.plus(timeout.multipliedBy(maxAttempts));
        for (int attempt = 2; attempt <= maxAttempts; attempt++) {
            total = total.plus(backoffBefore(attempt));
        }
        return total;
    }

    public GuardPolicy withTimeout(Duration newTimeout) {
        return new GuardPolicy(
                newTimeout,
                maxAttempts,
                backoff,
                backoffMultiplier,
                maxBackoff,
                failuresToOpen,
                openFor,
                bulkhead,
                bulkheadWait);
    }

    public GuardPolicy withCircuit(int newFailuresToOpen, Duration newOpenFor) {
        return new GuardPolicy(
                timeout,
                maxAttempts,
                backoff,
                backoffMultiplier,
                maxBackoff,
                newFailuresToOpen,
                newOpenFor,
                bulkhead,
                bulkheadWait);
    }

    public GuardPolicy withRetries(int newMaxAttempts, Duration newBackoff) {
        return new GuardPolicy(
                timeout,
                newMaxAttempts,
                newBackoff,
                backoffMultiplier,
                maxBackoff,
                failuresToOpen,
                openFor,
                bulkhead,
                bulkheadWait);
    }

    public GuardPolicy withBulkhead(int newBulkhead, Duration newWait) {
        return new GuardPolicy(
                timeout,
                maxAttempts,
                backoff,
                backoffMultiplier,
                maxBackoff,
                failuresToOpen,
                openFor,
                newBulkhead,
                newWait);
    }
}
