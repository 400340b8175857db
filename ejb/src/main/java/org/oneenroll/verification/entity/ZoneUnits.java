package org.oneenroll.verification.entity;

import java.util.Objects;
import java.util.Set;

/**
 * One catchment zone of the plan's county and stage as the rules need it: its code, its name for reasons,
 * and the address-unit keys ({@code townCode/community[/compound]}) it covers.
 */
public record ZoneUnits(String code, String name, Set<String> unitKeys) {

    public ZoneUnits {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        unitKeys = Set.copyOf(unitKeys);
    }
}
