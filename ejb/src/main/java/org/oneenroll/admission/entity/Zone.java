package org.oneenroll.admission.entity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * A catchment zone as an admission run sees it: its code and the public schools that serve it, in the
 * order a child of the zone falls back to them.
 */
public record Zone(String code, List<String> schoolCodes) {

    public Zone {
        Codes.token("zone", "admission.code.zone", code);
        schoolCodes = List.copyOf(schoolCodes);
        Set<String> seen = new HashSet<>();
        for (String school : schoolCodes) {
            Codes.token("school", "admission.code.school", school);
            if (!seen.add(school)) {
                throw new InvalidValueException("zone", "admission.plan.zone-school-twice", code, school);
            }
        }
    }
}
