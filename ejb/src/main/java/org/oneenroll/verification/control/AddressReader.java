package org.oneenroll.verification.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.ZoneUnits;

/**
 * Places an address printed on a record (户籍地址, 房屋坐落, 现居住地址) in the plan's zones. Registries print
 * addresses as text ("甘肃省兰州市榆中县城关镇东关社区兴隆小区3号楼2单元501室") without town codes, so the reader
 * matches the county's name, then the longest town name, then the longest community and compound of that
 * town's address units.
 */
final class AddressReader {

    private record Unit(String key, String community, String text) {}

    private final PlanContext plan;
    private final List<Map.Entry<String, String>> towns;
    private final Map<String, List<Unit>> unitsByTown = new HashMap<>();

    AddressReader(PlanContext plan) {
        this.plan = plan;
        List<Map.Entry<String, String>> t = new ArrayList<>();
        plan.townNames().forEach((code, name) -> t.add(Map.entry(code, RecordValues.squeeze(name))));
        t.sort(Comparator.comparingInt(
                        (Map.Entry<String, String> e) -> e.getValue().length())
                .reversed());
        this.towns = List.copyOf(t);
        for (ZoneUnits zone : plan.zones()) {
            for (String key : zone.unitKeys()) {
                String[] parts = key.split("/", 3);
                if (parts.length < 2) {
                    continue;
                }
                String community = RecordValues.squeeze(parts[1]);
                String text = community + (parts.length == 3 ? RecordValues.squeeze(parts[2]) : "");
                unitsByTown.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new Unit(key, community, text));
            }
        }
        unitsByTown
                .values()
                .forEach(l -> l.sort(
                        Comparator.comparingInt((Unit u) -> u.text().length()).reversed()));
    }

    PlanContext plan() {
        return plan;
    }

    /**
     * Places {@code line}; {@code regionCode} is the record's 6-digit division code when it has one (a code of
     * another county settles the question before the text is read).
     */
    Placement place(String regionCode, String line) {
        String county = plan.county().value();
        if (line == null) {
            return new Placement(
                    regionCode != null && !regionCode.equals(county)
                            ? Placement.Kind.OUTSIDE_COUNTY
                            : Placement.Kind.UNREADABLE,
                    null,
                    null,
                    "",
                    "");
        }
        String text = RecordValues.squeeze(line);
        if (regionCode != null && !regionCode.equals(county)) {
            return new Placement(Placement.Kind.OUTSIDE_COUNTY, null, null, text, line);
        }
        String full = RecordValues.squeeze(plan.countyFullName());
        String rest;
        if (text.startsWith(full)) {
            rest = text.substring(full.length());
        } else {
            int at = text.indexOf(RecordValues.squeeze(plan.countyName()));
            if (at < 0) {
                return new Placement(
                        regionCode == null ? Placement.Kind.OUTSIDE_COUNTY : Placement.Kind.UNREADABLE,
                        null,
                        null,
                        text,
                        line);
            }
            rest = text.substring(at + RecordValues.squeeze(plan.countyName()).length());
        }
        for (Map.Entry<String, String> town : towns) {
            if (!rest.startsWith(town.getValue())) {
                continue;
            }
            String below = rest.substring(town.getValue().length());
            List<Unit> units = unitsByTown.getOrDefault(town.getKey(), List.of());
            for (Unit u : units) {
                if (below.startsWith(u.text())) {
                    return new Placement(
                            Placement.Kind.IN_ZONE,
                            plan.zoneOf(u.key()).orElseThrow(),
                            u.key(),
                            town.getValue() + u.text(),
                            line);
                }
            }
            String community = units.stream()
                    .map(Unit::community)
                    .filter(below::startsWith)
                    .max(Comparator.comparingInt(String::length))
                    .orElse("");
            return new Placement(
                    Placement.Kind.IN_COUNTY,
                    null,
                    null,
                    town.getValue() + community + compoundAfter(below.substring(community.length())),
                    line);
        }
        return new Placement(Placement.Kind.IN_COUNTY, null, null, rest, line);
    }

    /** The compound named before the building number, for naming an unzoned place ("城关新区一期"). */
    private static String compoundAfter(String rest) {
        int end = 0;
        while (end < rest.length() && !Character.isDigit(rest.charAt(end))) {
            end++;
        }
        return rest.substring(0, end);
    }
}
