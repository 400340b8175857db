package org.oneenroll.feedback.entity;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A page of the queue with how many items the filter matches, and for the filter's kind (all states) the counts per
 * state and of overdue ones, all inside the caller's scope.
 */
public record ConcernPage(List<ConcernRow> rows, long total, Map<ConcernState, Long> countsByState, long overdue)
        implements Serializable {

    public ConcernPage {
        rows = List.copyOf(rows);
        countsByState = Map.copyOf(countsByState);
    }
}
