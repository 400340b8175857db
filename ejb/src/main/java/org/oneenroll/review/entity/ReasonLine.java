package org.oneenroll.review.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * One rejection reason as the county administrator's maintenance screen shows it: its words, place, state, how
 * many decisions name it (a named one cannot be deleted or reworded) and who changed it last.
 *
 * @param starting whether the county still uses the province's starting list (its first change copies it)
 */
public record ReasonLine(
        String code,
        String label,
        int position,
        boolean active,
        boolean commentRequired,
        long uses,
        String changedBy,
        Instant changedAt,
        boolean starting)
        implements Serializable {

    /** Whether the reason may still be deleted or reworded: no decision names it. */
    public boolean unused() {
        return uses == 0;
    }
}
