package org.oneenroll.admission.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The zone adjacency reallocation walks, derived from the zones' address units until counties draw it themselves
 * (plan management, issue 7). Interim rule (docs/admission.md, "Zone adjacency"): zones that share a town or
 * street (the 9-digit division code that starts every unit key) are neighbours, and so are the zones of
 * consecutive towns in division-code order, which keeps every zone of the county reachable.
 */
public final class ZoneAdjacency {

    /**
     * @param unitKeysByZone each zone's address unit keys ({@code town/community[/compound]})
     * @return each zone's neighbours, both ways round, sorted
     */
    public Map<String, SortedSet<String>> derive(Map<String, ? extends Set<String>> unitKeysByZone) {
        SortedMap<String, SortedSet<String>> zonesByTown = new TreeMap<>();
        unitKeysByZone.forEach((zone, keys) -> {
            for (String key : keys) {
                zonesByTown.computeIfAbsent(town(key), t -> new TreeSet<>()).add(zone);
            }
        });
        SortedMap<String, SortedSet<String>> adjacency = new TreeMap<>();
        unitKeysByZone.keySet().forEach(z -> adjacency.put(z, new TreeSet<>()));
        List<SortedSet<String>> towns = new ArrayList<>(zonesByTown.values());
        for (int i = 0; i < towns.size(); i++) {
            link(adjacency, towns.get(i), towns.get(i));
            if (i + 1 < towns.size()) {
                link(adjacency, towns.get(i), towns.get(i + 1));
            }
        }
        return adjacency;
    }

    private static void link(Map<String, SortedSet<String>> adjacency, Set<String> these, Set<String> those) {
        for (String a : these) {
            for (String b : those) {
                if (!a.equals(b)) {
                    adjacency.get(a).add(b);
                    adjacency.get(b).add(a);
                }
            }
        }
    }

    static String town(String unitKey) {
        int slash = unitKey.indexOf('/');
        return slash < 0 ? unitKey : unitKey.substring(0, slash);
    }
}
