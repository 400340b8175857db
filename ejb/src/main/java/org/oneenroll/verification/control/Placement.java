package org.oneenroll.verification.control;

import org.oneenroll.verification.entity.ZoneUnits;

/**
 * Where an address printed on a record lies for the plan: in a zone (with its address unit), in the county
 * but in no zone, outside the county, or not readable.
 *
 * @param unitKey the address unit ({@code townCode/community[/compound]}) when it is one of the plan's
 * @param place   the part to name in reasons: town, community and compound as printed ("城关镇东关社区兴隆小区")
 * @param line    the whole address as printed
 */
record Placement(Kind kind, ZoneUnits zone, String unitKey, String place, String line) {

    enum Kind {
        IN_ZONE,
        IN_COUNTY,
        OUTSIDE_COUNTY,
        UNREADABLE
    }

    boolean inZone() {
        return kind == Kind.IN_ZONE;
    }

    boolean inCounty() {
        return kind == Kind.IN_ZONE || kind == Kind.IN_COUNTY;
    }

    boolean sameUnit(Placement other) {
        return other != null && unitKey != null && unitKey.equals(other.unitKey);
    }
}
