package org.oneenroll.admission.entity;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oneenroll.policy.entity.FamilyCategory;

/**
 * A variant of a drawn round's plan to compare against it: changed seats per school code, and optionally another
 * category order (null or empty keeps the plan's).
 */
public record WhatIfRequest(Map<String, Integer> seats, List<FamilyCategory> categoryOrder) implements Serializable {

    public WhatIfRequest {
        seats = seats == null ? Map.of() : new TreeMap<>(seats);
        categoryOrder = categoryOrder == null ? List.of() : List.copyOf(categoryOrder);
    }
}
