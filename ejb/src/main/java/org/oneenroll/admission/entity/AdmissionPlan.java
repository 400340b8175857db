package org.oneenroll.admission.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.PlanSeat;
import org.oneenroll.policy.entity.School;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;

/**
 * The plan side of an admission run, frozen: schools with seats, zones and the schools serving them, zone
 * adjacency for reallocation, the category order (the priority tiers) and the lottery rule. Schools and
 * zones are held sorted by code and indexed by position, so the engine works on int arrays.
 */
public final class AdmissionPlan {

    /** Reallocation may go any number of zones away. */
    public static final int UNLIMITED_HOPS = Integer.MAX_VALUE;

    private static final int NO_ZONE = -1;
    private static final int SEVERAL_ZONES = -2;

    private final String reference;
    private final Stage stage;
    private final LotteryRule lotteryRule;
    private final List<FamilyCategory> categoryOrder;
    private final int reallocationHops;
    private final List<SchoolSeats> schools;
    private final List<Zone> zones;
    private final Map<String, List<String>> adjacency;

    private final String[] schoolCodes;
    private final boolean[] privateSchool;
    private final int[] seats;
    private final Map<String, Integer> schoolIndex;
    private final String[] zoneCodes;
    private final Map<String, Integer> zoneIndex;
    private final int[] zoneSchoolStart;
    private final int[] zoneSchools;
    private final int[] neighbourStart;
    private final int[] neighbours;
    private final int[] schoolZoneStart;
    private final int[] schoolZones;
    private final int[] soleZone;
    private final int[] tierOf;

    private AdmissionPlan(Builder b) {
        reference = Codes.token("plan", "admission.code.plan", b.reference);
        stage = Objects.requireNonNull(b.stage, "stage");
        lotteryRule = Objects.requireNonNull(b.lotteryRule, "lotteryRule");
        if (lotteryRule != LotteryRule.SINGLE_NUMBER_PER_CHILD) {
            // One number per child used by every school keeps the result stable and strategy-proof with the
            // fewest losers from ties; the issue prescribes it, so a per-school draw is refused, not emulated.
            throw new InvalidValueException("lotteryRule", "admission.plan.lottery-rule", lotteryRule.name());
        }
        if (new HashSet<>(b.categoryOrder).size() != b.categoryOrder.size()) {
            throw new InvalidValueException("categoryOrder", "admission.plan.category-twice");
        }
        categoryOrder = List.copyOf(b.categoryOrder);
        if (b.reallocationHops < 0) {
            throw new InvalidValueException("reallocationHops", "admission.plan.hops", b.reallocationHops);
        }
        reallocationHops = b.reallocationHops;

        schools = List.copyOf(new TreeMap<>(b.schools).values());
        int schoolCount = schools.size();
        schoolCodes = new String[schoolCount];
        privateSchool = new boolean[schoolCount];
        seats = new int[schoolCount];
        Map<String, Integer> sIndex = new HashMap<>();
        for (int s = 0; s < schoolCount; s++) {
            SchoolSeats school = schools.get(s);
            schoolCodes[s] = school.code();
            privateSchool[s] = school.ownership() == SchoolOwnership.PRIVATE;
            seats[s] = school.seats();
            sIndex.put(school.code(), s);
        }
        schoolIndex = Collections.unmodifiableMap(sIndex);

        zones = List.copyOf(new TreeMap<>(b.zones).values());
        int zoneCount = zones.size();
        zoneCodes = new String[zoneCount];
        Map<String, Integer> zIndex = new HashMap<>();
        zoneSchoolStart = new int[zoneCount + 1];
        List<Integer> zoneSchoolList = new ArrayList<>();
        List<List<Integer>> zonesOfSchool = new ArrayList<>();
        for (int s = 0; s < schoolCount; s++) {
            zonesOfSchool.add(new ArrayList<>());
        }
        for (int z = 0; z < zoneCount; z++) {
            Zone zone = zones.get(z);
            zoneCodes[z] = zone.code();
            zIndex.put(zone.code(), z);
            zoneSchoolStart[z] = zoneSchoolList.size();
            for (String code : zone.schoolCodes()) {
                Integer s = sIndex.get(code);
                if (s == null) {
                    throw new InvalidValueException("zones", "admission.plan.zone-unknown-school", zone.code(), code);
                }
                if (privateSchool[s]) {
                    throw new InvalidValueException("zones", "admission.plan.zone-private-school", zone.code(), code);
                }
                zoneSchoolList.add(s);
                zonesOfSchool.get(s).add(z);
            }
        }
        zoneSchoolStart[zoneCount] = zoneSchoolList.size();
        zoneSchools = zoneSchoolList.stream().mapToInt(Integer::intValue).toArray();
        zoneIndex = Collections.unmodifiableMap(zIndex);
        schoolZoneStart = new int[schoolCount + 1];
        List<Integer> schoolZoneList = new ArrayList<>();
        for (int s = 0; s < schoolCount; s++) {
            schoolZoneStart[s] = schoolZoneList.size();
            schoolZoneList.addAll(zonesOfSchool.get(s));
        }
        schoolZoneStart[schoolCount] = schoolZoneList.size();
        schoolZones = schoolZoneList.stream().mapToInt(Integer::intValue).toArray();
        // Most schools serve one zone: the engine asks for every proposal, so that case is one array read.
        soleZone = new int[schoolCount];
        for (int s = 0; s < schoolCount; s++) {
            int count = schoolZoneStart[s + 1] - schoolZoneStart[s];
            soleZone[s] = count == 1 ? schoolZones[schoolZoneStart[s]] : count == 0 ? NO_ZONE : SEVERAL_ZONES;
        }

        Map<String, TreeSet<String>> adjacent = new TreeMap<>();
        for (String code : zoneCodes) {
            adjacent.put(code, new TreeSet<>());
        }
        for (String[] pair : b.adjacencies) {
            for (String code : pair) {
                if (!zIndex.containsKey(code)) {
                    throw new InvalidValueException("adjacency", "admission.plan.adjacent-unknown-zone", code);
                }
            }
            adjacent.get(pair[0]).add(pair[1]);
            adjacent.get(pair[1]).add(pair[0]);
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        neighbourStart = new int[zoneCount + 1];
        List<Integer> neighbourList = new ArrayList<>();
        for (int z = 0; z < zoneCount; z++) {
            neighbourStart[z] = neighbourList.size();
            Set<String> of = adjacent.get(zoneCodes[z]);
            frozen.put(zoneCodes[z], List.copyOf(of));
            for (String code : of) {
                neighbourList.add(zIndex.get(code));
            }
        }
        neighbourStart[zoneCount] = neighbourList.size();
        neighbours = neighbourList.stream().mapToInt(Integer::intValue).toArray();
        adjacency = Collections.unmodifiableMap(frozen);

        // Unlisted categories follow the listed ones one tier each, so points never compare across categories.
        tierOf = new int[FamilyCategory.values().length];
        Arrays.fill(tierOf, -1);
        for (int t = 0; t < categoryOrder.size(); t++) {
            tierOf[categoryOrder.get(t).ordinal()] = t;
        }
        int next = categoryOrder.size();
        for (FamilyCategory c : FamilyCategory.values()) {
            if (tierOf[c.ordinal()] < 0) {
                tierOf[c.ordinal()] = next++;
            }
        }
    }

    public static Builder builder(String reference, Stage stage) {
        return new Builder(reference, stage);
    }

    /**
     * The admission view of a published county plan: the schools it offers seats in, the zones of its stage
     * and the zone adjacency (zone code to neighbouring zone codes) the county draws for reallocation.
     */
    public static AdmissionPlan from(
            EnrollmentPlan plan,
            Collection<School> schools,
            Collection<CatchmentZone> zones,
            Map<String, ? extends Collection<String>> adjacency,
            int reallocationHops) {
        Map<String, School> byCode = new HashMap<>();
        for (School school : schools) {
            byCode.put(school.code(), school);
        }
        Builder b = builder(
                        plan.county().value() + "-" + plan.year() + "-" + plan.stage() + "-r" + plan.revision(),
                        plan.stage())
                .lotteryRule(plan.lotteryRule())
                .categoryOrder(plan.categoryOrder())
                .reallocationHops(reallocationHops);
        for (PlanSeat seat : plan.seats()) {
            School school = byCode.get(seat.schoolCode());
            if (school == null) {
                throw new InvalidValueException("seats", "admission.plan.seat-unknown-school", seat.schoolCode());
            }
            b.school(seat.schoolCode(), school.ownership(), seat.seats());
        }
        for (CatchmentZone zone : zones) {
            if (zone.stage() == plan.stage()) {
                b.zone(new Zone(
                        zone.code(),
                        zone.schools().stream()
                                .map(School::code)
                                .filter(b.schools::containsKey)
                                .sorted()
                                .toList()));
            }
        }
        adjacency.forEach((zone, neighbours) -> {
            if (b.zones.containsKey(zone)) {
                neighbours.stream().filter(b.zones::containsKey).forEach(n -> b.adjacent(zone, n));
            }
        });
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(reference, stage)
                .lotteryRule(lotteryRule)
                .categoryOrder(categoryOrder)
                .reallocationHops(reallocationHops);
        schools.forEach(b::school);
        zones.forEach(b::zone);
        adjacency.forEach((zone, of) -> of.forEach(n -> b.adjacent(zone, n)));
        return b;
    }

    /** The same plan with one school's seats changed, for a what-if. */
    public AdmissionPlan withSeats(String schoolCode, int newSeats) {
        SchoolSeats school = schools.get(schoolIndex(schoolCode));
        Builder b = toBuilder();
        b.schools.put(schoolCode, new SchoolSeats(schoolCode, school.ownership(), newSeats));
        return b.build();
    }

    /** The same plan with another order of family categories, for a what-if. */
    public AdmissionPlan withCategoryOrder(List<FamilyCategory> order) {
        return toBuilder().categoryOrder(order).build();
    }

    /** The same plan with a zone served by other schools (or a new zone), for a what-if. */
    public AdmissionPlan withZone(Zone zone) {
        Builder b = toBuilder();
        b.zones.put(zone.code(), zone);
        return b.build();
    }

    public AdmissionPlan withReallocationHops(int hops) {
        return toBuilder().reallocationHops(hops).build();
    }

    public String reference() {
        return reference;
    }

    public Stage stage() {
        return stage;
    }

    public LotteryRule lotteryRule() {
        return lotteryRule;
    }

    public List<FamilyCategory> categoryOrder() {
        return categoryOrder;
    }

    public int reallocationHops() {
        return reallocationHops;
    }

    public List<SchoolSeats> schools() {
        return schools;
    }

    public List<Zone> zones() {
        return zones;
    }

    /** Zone code to the codes of its neighbours, both sorted; symmetric. */
    public Map<String, List<String>> adjacency() {
        return adjacency;
    }

    public int schoolCount() {
        return schoolCodes.length;
    }

    public int schoolIndex(String code) {
        Integer s = schoolIndex.get(code);
        if (s == null) {
            throw new InvalidValueException("school", "admission.plan.unknown-school", code);
        }
        return s;
    }

    /** The index of a school, or -1. */
    public int findSchool(String code) {
        return schoolIndex.getOrDefault(code, -1);
    }

    public String schoolCode(int school) {
        return schoolCodes[school];
    }

    public boolean isPrivate(int school) {
        return privateSchool[school];
    }

    public int seats(int school) {
        return seats[school];
    }

    public int totalSeats() {
        int total = 0;
        for (int s : seats) {
            total += s;
        }
        return total;
    }

    public int zoneCount() {
        return zoneCodes.length;
    }

    /** The index of a zone, or -1. */
    public int findZone(String code) {
        return zoneIndex.getOrDefault(code, -1);
    }

    public String zoneCode(int zone) {
        return zoneCodes[zone];
    }

    public int zoneSchoolCount(int zone) {
        return zoneSchoolStart[zone + 1] - zoneSchoolStart[zone];
    }

    public int zoneSchool(int zone, int k) {
        return zoneSchools[zoneSchoolStart[zone] + k];
    }

    public int neighbourCount(int zone) {
        return neighbourStart[zone + 1] - neighbourStart[zone];
    }

    public int neighbour(int zone, int k) {
        return neighbours[neighbourStart[zone] + k];
    }

    public int schoolZoneCount(int school) {
        return schoolZoneStart[school + 1] - schoolZoneStart[school];
    }

    public int schoolZone(int school, int k) {
        return schoolZones[schoolZoneStart[school] + k];
    }

    /** True when the school serves the zone: a child of that zone is an in-zone applicant there. */
    public boolean serves(int school, int zone) {
        int sole = soleZone[school];
        if (sole != SEVERAL_ZONES || zone < 0) {
            return zone >= 0 && sole == zone;
        }
        for (int k = schoolZoneStart[school]; k < schoolZoneStart[school + 1]; k++) {
            if (schoolZones[k] == zone) {
                return true;
            }
        }
        return false;
    }

    /**
     * The priority tier of a category, from 0: its position in the plan's order; categories the plan does not
     * list come after, in the order of {@link FamilyCategory}.
     */
    public int tier(FamilyCategory category) {
        return tierOf[category.ordinal()];
    }

    /** Collects a plan; refuses a repeated school or zone as it is added. */
    public static final class Builder {

        private final String reference;
        private final Stage stage;
        private LotteryRule lotteryRule = LotteryRule.SINGLE_NUMBER_PER_CHILD;
        private List<FamilyCategory> categoryOrder = List.of();
        private int reallocationHops = UNLIMITED_HOPS;
        private final Map<String, SchoolSeats> schools = new LinkedHashMap<>();
        private final Map<String, Zone> zones = new LinkedHashMap<>();
        private final List<String[]> adjacencies = new ArrayList<>();

        private Builder(String reference, Stage stage) {
            this.reference = reference;
            this.stage = stage;
        }

        public Builder lotteryRule(LotteryRule rule) {
            this.lotteryRule = rule;
            return this;
        }

        public Builder categoryOrder(List<FamilyCategory> order) {
            this.categoryOrder = List.copyOf(order);
            return this;
        }

        public Builder reallocationHops(int hops) {
            this.reallocationHops = hops;
            return this;
        }

        public Builder school(String code, SchoolOwnership ownership, int seats) {
            return school(new SchoolSeats(code, ownership, seats));
        }

        public Builder school(SchoolSeats school) {
            if (schools.putIfAbsent(school.code(), school) != null) {
                throw new InvalidValueException("schools", "admission.plan.school-twice", school.code());
            }
            return this;
        }

        public Builder zone(String code, String... schoolCodes) {
            return zone(new Zone(code, List.of(schoolCodes)));
        }

        public Builder zone(Zone zone) {
            if (zones.putIfAbsent(zone.code(), zone) != null) {
                throw new InvalidValueException("zones", "admission.plan.zone-twice", zone.code());
            }
            return this;
        }

        /** Two zones that border each other; reallocation counts distance in such steps. */
        public Builder adjacent(String zone, String other) {
            Codes.token("adjacency", "admission.code.zone", zone);
            Codes.token("adjacency", "admission.code.zone", other);
            if (zone.equals(other)) {
                throw new InvalidValueException("adjacency", "admission.plan.adjacent-self", zone);
            }
            adjacencies.add(new String[] {zone, other});
            return this;
        }

        public AdmissionPlan build() {
            return new AdmissionPlan(this);
        }
    }
}
