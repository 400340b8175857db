package org.oneenroll.policy.boundary;

import java.util.Set;
import java.util.TreeSet;
import org.oneenroll.policy.entity.Stage;

/** What the zone dialog says of a zone: its code, name, stage and the public schools that serve it. */
public record ZoneDetails(String code, String name, Stage stage, Set<String> schoolCodes) {

    public ZoneDetails {
        schoolCodes = new TreeSet<>(schoolCodes == null ? Set.of() : schoolCodes);
    }
}
