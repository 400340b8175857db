package org.oneenroll.simulator.population;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts over a generated population: families, applicants per stage (overall and per address unit), defects
 * and scenarios. Accumulated per chunk and merged, so a census never holds families.
 */
public final class PopulationCensus {

    private long families;
    private final long[] children = new long[Stage.values().length];
    private final long[] defects = new long[DefectKind.values().length];
    private final long[] scenarios = new long[FamilyScenario.values().length];
    private final Map<String, long[]> byUnit = new HashMap<>();
    private long childrenOutsideZones;

    /** Counts the first {@code count} families of {@code generator}, in parallel. */
    public static PopulationCensus of(PopulationGenerator generator, long count) {
        PopulationCensus total = new PopulationCensus();
        OrderedChunks.run(
                count,
                4096,
                OrderedChunks.defaultThreads(),
                (from, to) -> {
                    PopulationCensus part = new PopulationCensus();
                    for (long i = from; i < to; i++) {
                        part.add(generator.family(i));
                    }
                    return part;
                },
                total::merge);
        return total;
    }

    public void add(Family family) {
        families++;
        for (Child c : family.children()) {
            Stage stage = c.role().stage();
            if (stage == null) {
                continue;
            }
            children[stage.ordinal()]++;
            String unit = family.home().unitCode();
            if (unit == null) {
                childrenOutsideZones++;
            } else {
                byUnit.computeIfAbsent(unit, k -> new long[Stage.values().length])[stage.ordinal()]++;
            }
        }
        for (Defect d : family.defects()) {
            defects[d.kind().ordinal()]++;
        }
        scenarios[family.scenario().ordinal()]++;
    }

    public void merge(PopulationCensus other) {
        families += other.families;
        for (int i = 0; i < children.length; i++) {
            children[i] += other.children[i];
        }
        for (int i = 0; i < defects.length; i++) {
            defects[i] += other.defects[i];
        }
        for (int i = 0; i < scenarios.length; i++) {
            scenarios[i] += other.scenarios[i];
        }
        other.byUnit.forEach((unit, counts) -> {
            long[] mine = byUnit.computeIfAbsent(unit, k -> new long[Stage.values().length]);
            for (int i = 0; i < mine.length; i++) {
                mine[i] += counts[i];
            }
        });
        childrenOutsideZones += other.childrenOutsideZones;
    }

    public long families() {
        return families;
    }

    /** Applicants per stage (younger siblings are not counted). */
    public Map<Stage, Long> childrenByStage() {
        Map<Stage, Long> m = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            m.put(s, children[s.ordinal()]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Applicants of {@code stage} living in the address unit. */
    public long children(String unitCode, Stage stage) {
        long[] counts = byUnit.get(unitCode);
        return counts == null ? 0 : counts[stage.ordinal()];
    }

    /** Applicants whose home is in no address unit (outside every zone or the county). */
    public long childrenOutsideZones() {
        return childrenOutsideZones;
    }

    /** Injected defects per kind (a family may carry several). */
    public Map<DefectKind, Long> defectsByKind() {
        Map<DefectKind, Long> m = new EnumMap<>(DefectKind.class);
        for (DefectKind k : DefectKind.values()) {
            m.put(k, defects[k.ordinal()]);
        }
        return Collections.unmodifiableMap(m);
    }

    public Map<FamilyScenario, Long> scenarios() {
        Map<FamilyScenario, Long> m = new EnumMap<>(FamilyScenario.class);
        for (FamilyScenario s : FamilyScenario.values()) {
            m.put(s, scenarios[s.ordinal()]);
        }
        return Collections.unmodifiableMap(m);
    }
}
