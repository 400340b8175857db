package org.oneenroll.feedback.entity;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** One line of the consultations and complaints queue; the phone only masked. */
public record ConcernRow(
        long id,
        String reference,
        ConcernKind kind,
        String kindLabel,
        String channelLabel,
        String county,
        String subject,
        String phoneMasked,
        String caseNumber,
        Instant receivedAt,
        LocalDate dueOn,
        ConcernState state,
        String stateLabel,
        boolean overdue,
        String handler)
        implements Serializable {}
