package org.oneenroll.feedback.entity;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** One of a signed-in family's own items as their pages show it: where it stands and the county's reply. */
public record ConcernNotice(
        String reference,
        String kindLabel,
        String subject,
        String caseNumber,
        Instant receivedAt,
        LocalDate dueOn,
        ConcernState state,
        String stateLabel,
        String reply,
        Instant answeredAt)
        implements Serializable {}
