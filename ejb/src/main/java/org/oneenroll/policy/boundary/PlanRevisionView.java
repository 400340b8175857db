package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.oneenroll.policy.entity.PlanStatus;

/** One revision in a plan's history: who drafted and published it, when, why it corrects the one before, what changed. */
public record PlanRevisionView(
        long id,
        int revision,
        PlanStatus status,
        String draftedBy,
        Instant publishedAt,
        String publishedBy,
        String reason,
        List<String> changes)
        implements Serializable {}
