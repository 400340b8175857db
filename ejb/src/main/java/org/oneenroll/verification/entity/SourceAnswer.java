package org.oneenroll.verification.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One source's answer about one person, as evidence: when it was asked, how long it took over how many
 * attempts, the outcome and the records (field name to value, as the platform names them).
 *
 * @param queryId  the platform's number for the (last) query, for tracing it in the platform's log; 0 if none
 * @param detail   the platform's or the client's explanation when the source could not answer
 */
public record SourceAnswer(
        GovernmentSource source,
        SourceOutcome outcome,
        SourceFailure failure,
        List<Map<String, Object>> records,
        long queryId,
        String requestId,
        Instant askedAt,
        Duration latency,
        int attempts,
        String detail) {

    public SourceAnswer {
        records = records == null ? List.of() : List.copyOf(records);
    }

    public static SourceAnswer failed(
            GovernmentSource source,
            SourceFailure failure,
            String requestId,
            Instant askedAt,
            Duration latency,
            String detail) {
        return new SourceAnswer(
                source, SourceOutcome.SOURCE_ERROR, failure, List.of(), 0, requestId, askedAt, latency, 1, detail);
    }

    /** The same answer counted over {@code total} attempts and the time they all took. */
    public SourceAnswer afterAttempts(int total, Instant firstAskedAt, Duration totalLatency) {
        return new SourceAnswer(
                source, outcome, failure, records, queryId, requestId, firstAskedAt, totalLatency, total, detail);
    }

    public boolean answered() {
        return outcome != SourceOutcome.SOURCE_ERROR;
    }
}
