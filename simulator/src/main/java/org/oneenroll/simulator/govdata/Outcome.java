package org.oneenroll.simulator.govdata;

/** What the platform did with one query, as the query log records it. */
public enum Outcome {
    /** 200, one or more records. */
    FOUND(200),
    /** 200, {@code "outcome":"NO_RECORD"}: the source holds nothing for that number. */
    NO_RECORD(200),
    /** 503 {@code BUSY}: above the source's concurrency cap. */
    BUSY(503),
    /** 500 {@code INTERNAL_ERROR}: an injected (or real) server error. */
    ERROR(500),
    /** Held for the configured hang, then 504: the caller's own timeout should have fired first. */
    TIMEOUT(504),
    /** 200 with a truncated, unparseable JSON body. */
    MALFORMED(200),
    /** 401: missing or unknown app key. */
    UNAUTHORIZED(401),
    /** 400: unreadable body, missing field or invalid identity number. */
    BAD_REQUEST(400);

    private final int status;

    Outcome(int status) {
        this.status = status;
    }

    /** The HTTP status the caller sees. */
    public int status() {
        return status;
    }
}
