package org.oneenroll.review.entity;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a bulk approval did: the cases approved, and for each case left alone why (in Chinese): it changed since
 * the reviewer saw it, a source did not confirm it, it lies outside the caller's scope.
 */
public record BulkOutcome(List<String> approved, Map<String, String> refused) implements Serializable {

    public BulkOutcome {
        approved = List.copyOf(approved);
        refused = Map.copyOf(refused);
    }
}
