package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.util.List;
import org.oneenroll.policy.control.CoverageCheck;
import org.oneenroll.policy.entity.Stage;

/** One catchment zone as the set-up screen shows it: its schools and its address units in reading order. */
public record ZoneView(
        String code, String name, Stage stage, List<SchoolRef> schools, List<CoverageCheck.Unit> units, long version)
        implements Serializable {

    /** A school serving the zone. */
    public record SchoolRef(String code, String name) implements Serializable {}

    public List<String> schoolCodes() {
        return schools.stream().map(SchoolRef::code).toList();
    }
}
