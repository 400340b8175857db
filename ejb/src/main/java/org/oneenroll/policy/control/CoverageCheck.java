package org.oneenroll.policy.control;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oneenroll.policy.entity.Stage;

/**
 * Does every address of the county belong to exactly one zone of each stage? From the county's known address units
 * and its zones: per stage, the units no zone takes, the units two or more zones claim, the towns no zone reaches and
 * the zones without a school or without an address. A community split into compounds is known by its compounds, so
 * its bare name (a school's address, say) is not reported on its own.
 */
public final class CoverageCheck {

    private static final Comparator<String> READING = Coverage.readingOrder();

    private CoverageCheck() {}

    /** A zone as the check sees it. */
    public record ZoneFacts(String code, String name, Stage stage, Set<String> unitKeys, Set<String> schoolCodes) {}

    /** An address unit in words: town (code and name), community or village, compound if any. */
    public record Unit(String key, String townCode, String townName, String community, String compound)
            implements Serializable {

        public static Unit of(String key, Map<String, String> towns) {
            String[] parts = key.split("/", 3);
            return new Unit(
                    key,
                    parts[0],
                    towns.getOrDefault(parts[0], parts[0]),
                    parts.length > 1 ? parts[1] : "",
                    parts.length > 2 ? parts[2] : null);
        }

        /** Town by code, then community and compound as people read them (二社 before 十社). */
        public static final Comparator<Unit> ORDER = Comparator.comparing(Unit::townCode)
                .thenComparing(Unit::community, READING)
                .thenComparing(u -> u.compound() == null ? "" : u.compound(), READING);

        /** 城关镇 东关社区 金城小区 */
        public String label() {
            return townName + " " + community + (compound == null ? "" : " " + compound);
        }
    }

    /** A unit claimed by more than one zone of one stage. */
    public record Overlap(Unit unit, List<String> zoneCodes) implements Serializable {}

    /** The findings for one stage; {@link #clean()} when there are none. */
    public record StageReport(
            Stage stage,
            int zones,
            int zonedUnits,
            List<Unit> unzoned,
            List<Overlap> overlaps,
            List<String> townsWithoutZone,
            List<String> zonesWithoutSchool,
            List<String> zonesWithoutUnits)
            implements Serializable {

        public boolean clean() {
            return unzoned.isEmpty()
                    && overlaps.isEmpty()
                    && townsWithoutZone.isEmpty()
                    && zonesWithoutSchool.isEmpty()
                    && zonesWithoutUnits.isEmpty();
        }
    }

    /** The findings for both stages, over {@code knownUnits} units in all. */
    public record Report(int knownUnits, List<StageReport> stages) implements Serializable {

        public boolean clean() {
            return stages.stream().allMatch(StageReport::clean);
        }
    }

    /**
     * @param knownUnits the county's address list (and any other units it knows of, such as school addresses)
     * @param towns      the county's towns and streets by code, in code order
     */
    public static Report of(Collection<String> knownUnits, List<ZoneFacts> zones, Map<String, String> towns) {
        Set<String> known = new TreeSet<>(knownUnits);
        zones.forEach(z -> known.addAll(z.unitKeys()));
        Set<String> split = new TreeSet<>();
        known.forEach(k -> {
            String[] parts = k.split("/", 3);
            if (parts.length == 3) {
                split.add(parts[0] + "/" + parts[1]);
            }
        });
        List<StageReport> reports = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            List<ZoneFacts> ofStage =
                    zones.stream().filter(z -> z.stage() == stage).toList();
            Map<String, List<String>> zonesOfUnit = new TreeMap<>();
            ofStage.forEach(z -> z.unitKeys().forEach(u -> zonesOfUnit
                    .computeIfAbsent(u, k -> new ArrayList<>())
                    .add(z.code())));
            List<Unit> unzoned = known.stream()
                    .filter(k -> !zonesOfUnit.containsKey(k) && !split.contains(k))
                    .map(k -> Unit.of(k, towns))
                    .sorted(Unit.ORDER)
                    .toList();
            List<Overlap> overlaps = new ArrayList<>();
            zonesOfUnit.forEach((unit, codes) -> {
                if (codes.size() > 1) {
                    overlaps.add(new Overlap(
                            Unit.of(unit, towns), codes.stream().sorted().toList()));
                }
            });
            overlaps.sort(Comparator.comparing(Overlap::unit, Unit.ORDER));
            Set<String> reached = new TreeSet<>();
            zonesOfUnit.keySet().forEach(u -> reached.add(u.split("/", 2)[0]));
            List<String> townsWithoutZone = towns.entrySet().stream()
                    .filter(t -> !reached.contains(t.getKey()))
                    .map(t -> t.getValue() + "（" + t.getKey() + "）")
                    .toList();
            reports.add(new StageReport(
                    stage,
                    ofStage.size(),
                    zonesOfUnit.size(),
                    unzoned,
                    List.copyOf(overlaps),
                    townsWithoutZone,
                    ofStage.stream()
                            .filter(z -> z.schoolCodes().isEmpty())
                            .map(z -> z.name() + "（" + z.code() + "）")
                            .toList(),
                    ofStage.stream()
                            .filter(z -> z.unitKeys().isEmpty())
                            .map(z -> z.name() + "（" + z.code() + "）")
                            .toList()));
        }
        return new Report(
                known.size() - split.stream().filter(known::contains).toList().size(), List.copyOf(reports));
    }
}
