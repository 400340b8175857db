package org.oneenroll.admission.entity;

import java.io.Serializable;
import java.util.List;

/**
 * What publishing a round did: cases moved per outcome, SMS put on their way, and the cases left as they were
 * because they changed since the draw (withdrawn, say), for staff to handle by hand.
 */
public record PublishOutcome(
        RoundView round, int admitted, int reallocated, int unplaced, int smsQueued, List<String> skippedCases)
        implements Serializable {

    public PublishOutcome {
        skippedCases = List.copyOf(skippedCases);
    }
}
