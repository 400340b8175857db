package org.oneenroll.admission;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.AdmissionPlan;
import org.oneenroll.admission.entity.Applicant;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/**
 * Small random counties for property tests: a few schools (some private, some with no seats), zones served
 * by zero to two schools, random borders, and children with random categories, points, zones and choices.
 */
public final class RandomInstances {

    private RandomInstances() {}

    public static AdmissionPlan plan(Random random, int maxSchools) {
        AdmissionPlan.Builder b = AdmissionPlan.builder("P-" + random.nextInt(1000), Stage.PRIMARY);
        List<FamilyCategory> order = new ArrayList<>(List.of(FamilyCategory.values()));
        Collections.shuffle(order, random);
        b.categoryOrder(order.subList(0, random.nextInt(order.size() + 1)));
        b.reallocationHops(random.nextInt(2) == 0 ? AdmissionPlan.UNLIMITED_HOPS : random.nextInt(3));
        int schools = 1 + random.nextInt(maxSchools);
        List<String> publicSchools = new ArrayList<>();
        for (int s = 0; s < schools; s++) {
            boolean isPrivate = random.nextInt(5) == 0;
            String code = "S" + s;
            b.school(
                    code,
                    isPrivate ? SchoolOwnership.PRIVATE : SchoolOwnership.PUBLIC,
                    random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(4));
            if (!isPrivate) {
                publicSchools.add(code);
            }
        }
        // Zones take the public schools in turn (so most schools serve a zone); some get a second or none.
        int zones = 1 + random.nextInt(4);
        Collections.shuffle(publicSchools, random);
        for (int z = 0; z < zones; z++) {
            List<String> served = new ArrayList<>();
            if (!publicSchools.isEmpty() && random.nextInt(6) > 0) {
                served.add(publicSchools.get(z % publicSchools.size()));
                String second = publicSchools.get(random.nextInt(publicSchools.size()));
                if (random.nextInt(4) == 0 && !served.contains(second)) {
                    served.add(second);
                }
            }
            b.zone("Z" + z, served.toArray(String[]::new));
        }
        for (int z = 0; z < zones; z++) {
            for (int y = z + 1; y < zones; y++) {
                if (random.nextInt(3) > 0) {
                    b.adjacent("Z" + z, "Z" + y);
                }
            }
        }
        return b.build();
    }

    public static List<Applicant> children(Random random, AdmissionPlan plan, int maxChildren, int maxChoices) {
        int count = random.nextInt(maxChildren + 1);
        List<Applicant> children = new ArrayList<>();
        FamilyCategory[] categories = FamilyCategory.values();
        for (int i = 0; i < count; i++) {
            FamilyCategory category = categories[random.nextInt(categories.length)];
            int points = category == FamilyCategory.MIGRANT || random.nextInt(4) == 0 ? random.nextInt(5) : 0;
            // Half the children live in the first zone, so its schools overflow and reallocation has work.
            String zone =
                    random.nextInt(8) == 0 ? null : "Z" + (random.nextBoolean() ? 0 : random.nextInt(plan.zoneCount()));
            children.add(new Applicant("C" + i, category, points, zone, choices(random, plan, maxChoices)));
        }
        return children;
    }

    /** Choices favour the first schools, as families favour a few well-known ones. */
    public static List<String> choices(Random random, AdmissionPlan plan, int maxChoices) {
        List<String> left = new ArrayList<>();
        plan.schools().forEach(s -> left.add(s.code()));
        List<String> chosen = new ArrayList<>();
        int count = Math.min(left.size(), random.nextInt(maxChoices + 1));
        while (chosen.size() < count) {
            chosen.add(left.remove(Math.min(random.nextInt(left.size()), random.nextInt(left.size()))));
        }
        return chosen;
    }

    public static AdmissionInput input(long seed) {
        Random random = new Random(seed);
        AdmissionPlan plan = plan(random, 5);
        // About as many children as seats: enough to fill schools, few enough that reallocation has seats to give.
        return AdmissionInput.of(plan, children(random, plan, Math.min(10, plan.totalSeats() + 2), 3));
    }
}
