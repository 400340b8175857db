package org.oneenroll.admission;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.AdmissionPlan;
import org.oneenroll.admission.entity.Allocation;
import org.oneenroll.admission.entity.Zone;
import org.oneenroll.policy.entity.FamilyCategory;

/**
 * The admission rules restated from the policy text, independently of the engine's packed keys and indexes,
 * so property tests check the engine against the rules rather than against itself.
 */
public final class Oracle {

    private Oracle() {}

    /** The zone record a child lives in, or null. */
    public static Zone homeZone(AdmissionInput input, int child) {
        if (input.homeZone(child) < 0) {
            return null;
        }
        String code = input.applicant(child).homeZone();
        return input.plan().zones().stream()
                .filter(z -> z.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    public static boolean inZone(AdmissionInput input, int child, String school) {
        Zone zone = homeZone(input, child);
        return zone != null && zone.schoolCodes().contains(school);
    }

    /** Negative when child x comes before child y at the school. */
    public static int compare(Allocation allocation, String school, int x, int y) {
        AdmissionInput input = allocation.input();
        int px = allocation.draw().position(x);
        int py = allocation.draw().position(y);
        boolean isPrivate = input.plan().schools().stream()
                        .filter(s -> s.code().equals(school))
                        .findFirst()
                        .orElseThrow()
                        .ownership()
                == org.oneenroll.policy.entity.SchoolOwnership.PRIVATE;
        if (isPrivate) {
            return Integer.compare(px, py);
        }
        boolean zx = inZone(input, x, school);
        boolean zy = inZone(input, y, school);
        if (zx != zy) {
            return zx ? -1 : 1;
        }
        int tx = tier(input.plan(), input.category(x));
        int ty = tier(input.plan(), input.category(y));
        if (tx != ty) {
            return Integer.compare(tx, ty);
        }
        if (input.category(x) == FamilyCategory.MIGRANT && input.points(x) != input.points(y)) {
            return Integer.compare(input.points(y), input.points(x));
        }
        return Integer.compare(px, py);
    }

    static int tier(AdmissionPlan plan, FamilyCategory category) {
        int index = plan.categoryOrder().indexOf(category);
        if (index >= 0) {
            return index;
        }
        List<FamilyCategory> unlisted = new ArrayList<>(List.of(FamilyCategory.values()));
        unlisted.removeAll(plan.categoryOrder());
        return plan.categoryOrder().size() + unlisted.indexOf(category);
    }

    /** The schools a child applies to in the main round: the choices, then the home zone's schools. */
    public static List<String> applicationList(AdmissionInput input, int child) {
        List<String> list = new ArrayList<>(input.applicant(child).choices());
        Zone zone = homeZone(input, child);
        if (zone != null) {
            zone.schoolCodes().stream().filter(s -> !list.contains(s)).forEach(list::add);
        }
        return list;
    }

    /** Public schools within the plan's reallocation distance of the child's zone, nearest first, then by code. */
    public static List<String> reallocationOrder(AdmissionInput input, int child) {
        AdmissionPlan plan = input.plan();
        Zone home = homeZone(input, child);
        List<String> order = new ArrayList<>();
        if (home == null) {
            return order;
        }
        Map<String, Integer> zoneDistance = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        zoneDistance.put(home.code(), 0);
        queue.add(home.code());
        while (!queue.isEmpty()) {
            String z = queue.poll();
            for (String next : plan.adjacency().get(z)) {
                if (!zoneDistance.containsKey(next)) {
                    zoneDistance.put(next, zoneDistance.get(z) + 1);
                    queue.add(next);
                }
            }
        }
        Map<String, Integer> schoolDistance = new HashMap<>();
        for (Zone zone : plan.zones()) {
            Integer d = zoneDistance.get(zone.code());
            if (d != null && d <= plan.reallocationHops()) {
                zone.schoolCodes().forEach(s -> schoolDistance.merge(s, d, Math::min));
            }
        }
        order.addAll(schoolDistance.keySet());
        order.sort(Comparator.comparing((String s) -> schoolDistance.get(s)).thenComparing(s -> s));
        return order;
    }
}
