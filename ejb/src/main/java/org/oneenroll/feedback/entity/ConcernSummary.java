package org.oneenroll.feedback.entity;

import java.io.Serializable;
import java.util.List;

/**
 * The supervisors' figures of a region's consultations and complaints (督导): per kind, how many are received, in
 * hand, answered and closed, and how many still wait after their due date.
 *
 * @param regionPrefix the region the figures cover (2, 4 or 6 digits)
 */
public record ConcernSummary(String regionPrefix, List<KindLine> lines) implements Serializable {

    public ConcernSummary {
        lines = List.copyOf(lines);
    }

    /** One kind's counts. */
    public record KindLine(
            ConcernKind kind, String label, long received, long inProgress, long answered, long closed, long overdue)
            implements Serializable {

        public long total() {
            return received + inProgress + answered + closed;
        }
    }

    public long total() {
        return lines.stream().mapToLong(KindLine::total).sum();
    }

    public long overdue() {
        return lines.stream().mapToLong(KindLine::overdue).sum();
    }

    public long answered() {
        return lines.stream().mapToLong(KindLine::answered).sum();
    }
}
