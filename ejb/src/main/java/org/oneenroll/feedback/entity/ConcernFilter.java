package org.oneenroll.feedback.entity;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the consultations and complaints queue shows, inside the caller's scope: a kind, some states, only overdue
 * items, one caller's number, a case's or a reference; a supervisor may narrow to a city or county in their region.
 * Every part is optional. A reference names one item: it is found whatever the states and overdue flag say.
 *
 * @param states {@code null} or empty for every state
 * @param region a six-digit city or county code inside the caller's region, or {@code null}
 */
public record ConcernFilter(
        ConcernKind kind,
        Set<ConcernState> states,
        boolean overdueOnly,
        String phone,
        String caseNumber,
        String reference,
        String region)
        implements Serializable {

    public ConcernFilter {
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
    }

    /** What still waits for staff: received or in hand, of any kind. */
    public static ConcernFilter open() {
        return new ConcernFilter(null, ConcernState.OPEN, false, null, null, null, null);
    }

    /** Everything in the caller's scope. */
    public static ConcernFilter all() {
        return new ConcernFilter(null, null, false, null, null, null, null);
    }
}
