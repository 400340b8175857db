package org.oneenroll.feedback.entity;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One item for the staff screen: what the family said, how it came in, where it stands, the reply and every step.
 * The phone is masked (the full number is asked for separately, and that is audited).
 *
 * @param version    the version shown, which an action must carry (a changed item is refused, nothing overwritten)
 * @param handleable whether the caller may act on it (county staff of its county, while it is open)
 */
public record ConcernDetail(
        long id,
        String reference,
        ConcernKind kind,
        String kindLabel,
        String channelLabel,
        String county,
        String countyName,
        String caseNumber,
        String phoneMasked,
        String subject,
        String text,
        String externalRef,
        String enteredBy,
        Instant receivedAt,
        LocalDate dueOn,
        ConcernState state,
        String stateLabel,
        boolean overdue,
        boolean finishedLate,
        String handler,
        String reply,
        Instant answeredAt,
        Instant closedAt,
        List<Step> steps,
        long version,
        boolean handleable)
        implements Serializable {

    public ConcernDetail {
        steps = List.copyOf(steps);
    }

    /** One step of the history, states in words; {@code actor} a user name or {@link Concern#FAMILY}. */
    public record Step(Instant at, String actor, String from, String to, String note) implements Serializable {}
}
