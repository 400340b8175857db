package org.oneenroll.verification.entity;

/**
 * What one query of one source came to: the source answered with records, answered that it has none, or
 * could not answer (see {@link SourceFailure} for why).
 */
public enum SourceOutcome {
    FOUND,
    NO_RECORD,
    SOURCE_ERROR
}
