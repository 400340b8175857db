package org.oneenroll.simulator.govdata;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One query as the platform remembers it. The identity number is kept only as its SHA-256, so the log proves
 * what was asked without holding anyone's number.
 *
 * @param queryId   sequence number, also returned to the caller
 * @param at        when the query arrived
 * @param caller    the app key's caller, {@code null} for an unknown key
 * @param source    the source slug
 * @param idHash    lower-case hex SHA-256 of the normalised identity number, {@code null} when none was sent
 * @param requestId the caller's request id
 * @param purpose   the caller's stated purpose (用途)
 * @param latencyMs the delay the platform applied before answering
 * @param outcome   what it answered
 * @param records   records returned
 */
public record QueryLogEntry(
        long queryId,
        Instant at,
        String caller,
        String source,
        String idHash,
        String requestId,
        String purpose,
        long latencyMs,
        Outcome outcome,
        int records) {

    /** JSON properties, in the order of the NDJSON line and of {@code GET /admin/queries}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queryId", queryId);
        m.put("at", at.toString());
        m.put("caller", caller);
        m.put("source", source);
        m.put("idHash", idHash);
        m.put("requestId", requestId);
        m.put("purpose", purpose);
        m.put("latencyMs", latencyMs);
        m.put("outcome", outcome);
        m.put("status", outcome.status());
        m.put("records", records);
        return m;
    }
}
