package org.oneenroll.verification.entity;

/** Why a source could not answer; whether retrying can help is part of the kind. */
public enum SourceFailure {
    /** No answer within the client's timeout. */
    TIMEOUT(true),
    /** The source is at its concurrency limit (503 BUSY) or shutting down. */
    BUSY(true),
    /** 5xx from the platform. */
    SERVER_ERROR(true),
    /** An answer that does not parse or lacks its outcome. */
    MALFORMED(true),
    /** The connection failed. */
    UNREACHABLE(true),
    /** Refused as wrong (400, 401, 404): a bug or a configuration error; retrying cannot help. */
    REJECTED(false),
    /** Not asked: the circuit breaker is open after repeated failures of this source. */
    CIRCUIT_OPEN(false),
    /** Not asked: this node already has as many queries in flight to the source as it allows. */
    BULKHEAD_FULL(false);

    private final boolean retryable;

    SourceFailure(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
