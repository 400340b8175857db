package org.oneenroll.review.entity;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.oneenroll.intake.entity.CaseStatus;

/**
 * One page of the queue, the number of cases the filter matches, and how many cases of each status the
 * filter would match if the status were left open (the counts shown above the table).
 */
public record QueuePage(List<QueueRow> rows, long total, Map<CaseStatus, Long> countsByStatus) implements Serializable {

    public QueuePage {
        rows = List.copyOf(rows);
        countsByStatus = Map.copyOf(countsByStatus);
    }
}
