package org.oneenroll.simulator.population;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.oneenroll.simulator.population.CountyLayout.AddressUnit;
import org.oneenroll.simulator.population.CountyLayout.County;
import org.oneenroll.simulator.population.CountyLayout.PopulationSummary;
import org.oneenroll.simulator.population.CountyLayout.School;
import org.oneenroll.simulator.population.CountyLayout.Town;
import org.oneenroll.simulator.population.CountyLayout.Zone;

/**
 * Builds a county layout from the county's real towns: generated communities, compounds and village groups,
 * schools placed where a county would have them, catchment zones drawn around them, and seats sized for a
 * generated population. Deterministic in its arguments.
 */
public final class CountyLayoutGenerator {

    /** Seats per entry class (班额) by stage, the national standard maxima. */
    static final Map<Stage, Integer> CLASS_SIZE = Map.of(Stage.PRIMARY, 45, Stage.JUNIOR, 50);
    /** Children per household per birth cohort, used to size seats when no population is generated. */
    private static final double NOMINAL_CHILDREN_PER_HOUSEHOLD = 0.035;

    private static final Map<String, String> GANSU_AREA_CODES = Map.ofEntries(
            Map.entry("6201", "0931"),
            Map.entry("6202", "0937"),
            Map.entry("6203", "0935"),
            Map.entry("6204", "0943"),
            Map.entry("6205", "0938"),
            Map.entry("6206", "0935"),
            Map.entry("6207", "0936"),
            Map.entry("6208", "0933"),
            Map.entry("6209", "0937"),
            Map.entry("6210", "0934"),
            Map.entry("6211", "0932"),
            Map.entry("6212", "0939"),
            Map.entry("6229", "0930"),
            Map.entry("6230", "0941"));

    private final RegionCatalog regions;

    public CountyLayoutGenerator(RegionCatalog regions) {
        this.regions = regions;
    }

    public CountyLayoutGenerator() {
        this(RegionCatalog.load());
    }

    /**
     * A layout whose seats are sized from nominal household counts; its population summary is empty.
     *
     * @param countyCode  6-digit county code with towns in streets.csv
     * @param seed        layout seed
     * @param schoolCount schools, at least 10 (two of them private)
     * @param zoneCount   catchment zones over both stages, at least 20
     */
    public CountyLayout generate(String countyCode, long seed, int schoolCount, int zoneCount) {
        if (schoolCount < 10 || zoneCount < 20) {
            throw new IllegalArgumentException(
                    "need at least 10 schools and 20 zones, got " + schoolCount + "/" + zoneCount);
        }
        return new Builder(countyCode, seed, schoolCount, zoneCount).build();
    }

    /**
     * A layout whose seats are sized for the population that {@link PopulationGenerator} generates with
     * {@code populationSeed}, {@code families} and {@code planYear} (default defect rates), with the counts in its
     * population summary. The population does not depend on seats, so it is the same population the layout
     * reports.
     */
    public CountyLayout generate(
            String countyCode,
            long seed,
            int schoolCount,
            int zoneCount,
            long families,
            long populationSeed,
            int planYear) {
        CountyLayout nominal = generate(countyCode, seed, schoolCount, zoneCount);
        if (families <= 0) {
            return nominal;
        }
        PopulationGenerator population =
                new PopulationGenerator(nominal, regions, populationSeed, planYear, DefectRates.defaults());
        PopulationCensus census = PopulationCensus.of(population, families);
        return sizedFor(nominal, census, populationSeed, planYear);
    }

    /** {@code layout} with seats re-sized for the counted population and that population in its summary. */
    public CountyLayout sizedFor(CountyLayout layout, PopulationCensus census, long populationSeed, int planYear) {
        Map<String, double[]> demand = new HashMap<>();
        for (AddressUnit u : layout.addressUnits()) {
            demand.put(
                    u.code(),
                    new double[] {census.children(u.code(), Stage.PRIMARY), census.children(u.code(), Stage.JUNIOR)});
        }
        List<School> schools = sizeSeats(layout, demand);
        Map<Stage, Long> children = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            children.put(s, census.childrenByStage().getOrDefault(s, 0L));
        }
        return new CountyLayout(
                layout.seed(),
                layout.county(),
                layout.towns(),
                layout.addressUnits(),
                schools,
                layout.zones(),
                new PopulationSummary(census.families(), populationSeed, planYear, children));
    }

    private static List<School> sizeSeats(CountyLayout layout, Map<String, double[]> demandByUnit) {
        SplittableRandom r = new SplittableRandom(Mix.of(layout.seed(), "seats"));
        String seatTown = layout.towns().get(0).code();
        Map<String, double[]> demandBySchool = new HashMap<>();
        double[] total = new double[Stage.values().length];
        for (Zone z : layout.zones()) {
            int s = z.stage().ordinal();
            double d = 0;
            for (String u : z.unitCodes()) {
                d += demandByUnit.get(u)[s];
            }
            total[s] += d;
            for (String code : z.schoolCodes()) {
                demandBySchool.computeIfAbsent(code, k -> new double[Stage.values().length])[s] +=
                        d / z.schoolCodes().size();
            }
        }
        List<School> out = new ArrayList<>();
        for (School school : layout.schools()) {
            Map<Stage, Integer> seats = new EnumMap<>(Stage.class);
            Map<Stage, Integer> classes = new EnumMap<>(Stage.class);
            for (Stage stage : school.stages()) {
                int size = CLASS_SIZE.get(stage);
                double u = r.nextDouble();
                double wanted;
                if (school.ownership() == Ownership.PRIVATE) {
                    wanted = total[stage.ordinal()] * (0.03 + 0.02 * u);
                } else {
                    double factor = school.townCode().equals(seatTown) ? 0.80 + 0.15 * u : 1.05 + 0.25 * u;
                    wanted = demandBySchool.getOrDefault(school.code(), new double[2])[stage.ordinal()] * factor;
                }
                int n = Math.max(1, (int) Math.ceil(wanted / size));
                classes.put(stage, n);
                seats.put(stage, n * size);
            }
            out.add(new School(
                    school.code(),
                    school.name(),
                    school.ownership(),
                    school.stages(),
                    school.townCode(),
                    school.community(),
                    school.compound(),
                    school.addressLine(),
                    seats,
                    classes,
                    school.phone()));
        }
        return out;
    }

    private enum TownKind {
        SEAT,
        URBAN,
        TOWN,
        TOWNSHIP
    }

    private enum SchoolKind {
        PRIMARY(List.of(Stage.PRIMARY), Ownership.PUBLIC, 1000),
        JUNIOR(List.of(Stage.JUNIOR), Ownership.PUBLIC, 2000),
        NINE_YEAR(List.of(Stage.PRIMARY, Stage.JUNIOR), Ownership.PUBLIC, 3000),
        PRIVATE_PRIMARY(List.of(Stage.PRIMARY), Ownership.PRIVATE, 9000),
        PRIVATE_NINE_YEAR(List.of(Stage.PRIMARY, Stage.JUNIOR), Ownership.PRIVATE, 9000);

        final List<Stage> stages;
        final Ownership ownership;
        final int codeBase;

        SchoolKind(List<Stage> stages, Ownership ownership, int codeBase) {
            this.stages = stages;
            this.ownership = ownership;
            this.codeBase = codeBase;
        }
    }

    private static final class TownPlan {
        final int index;
        final RegionCatalog.Street street;
        final TownKind kind;
        final double x;
        final double y;
        final List<String> communities = new ArrayList<>();
        final List<Integer> units = new ArrayList<>();

        TownPlan(int index, RegionCatalog.Street street, TownKind kind, double x, double y) {
            this.index = index;
            this.street = street;
            this.kind = kind;
            this.x = x;
            this.y = y;
        }

        double distance(TownPlan other) {
            return Math.hypot(x - other.x, y - other.y);
        }
    }

    private record SchoolPlan(SchoolKind kind, TownPlan town, String name) {}

    /** One generation run; holds the working state so the public methods stay pure. */
    private final class Builder {
        private final String countyCode;
        private final long seed;
        private final int schoolCount;
        private final int zoneCount;
        private final SplittableRandom r;
        private final RegionCatalog.Area area;
        private final List<TownPlan> towns = new ArrayList<>();
        private final List<AddressUnit> units = new ArrayList<>();
        private final List<Integer> households = new ArrayList<>();
        private final Map<Integer, TownPlan> townOfUnit = new HashMap<>();

        Builder(String countyCode, long seed, int schoolCount, int zoneCount) {
            this.countyCode = countyCode;
            this.seed = seed;
            this.schoolCount = schoolCount;
            this.zoneCount = zoneCount;
            this.r = new SplittableRandom(Mix.of(seed, countyCode));
            this.area = regions.area(countyCode)
                    .orElseThrow(() -> new IllegalArgumentException("unknown county code " + countyCode));
        }

        CountyLayout build() {
            County county = county();
            planTowns();
            planUnits();
            List<SchoolPlan> plans = planSchools(county);
            List<School> schools = schools(plans, county);
            List<Zone> zones = new ArrayList<>();
            Map<Stage, Integer> perStage = zonesPerStage(schools);
            for (Stage stage : Stage.values()) {
                zones.addAll(zones(stage, perStage.get(stage), plans, schools));
            }
            List<Town> townList = towns.stream()
                    .map(t -> new Town(t.street.code(), t.street.name()))
                    .toList();
            CountyLayout nominal = new CountyLayout(
                    seed,
                    county,
                    townList,
                    List.copyOf(units),
                    schools,
                    List.copyOf(zones),
                    new PopulationSummary(0, 0, 0, emptyCounts()));
            Map<String, double[]> demand = new HashMap<>();
            for (int i = 0; i < units.size(); i++) {
                double d = households.get(i) * NOMINAL_CHILDREN_PER_HOUSEHOLD;
                demand.put(units.get(i).code(), new double[] {d, d});
            }
            return new CountyLayout(
                    seed,
                    county,
                    townList,
                    List.copyOf(units),
                    sizeSeats(nominal, demand),
                    List.copyOf(zones),
                    nominal.population());
        }

        private Map<Stage, Long> emptyCounts() {
            Map<Stage, Long> m = new EnumMap<>(Stage.class);
            for (Stage s : Stage.values()) {
                m.put(s, 0L);
            }
            return m;
        }

        private County county() {
            String cityName =
                    regions.city(area.cityCode()).map(RegionCatalog.City::name).orElse("");
            String provinceName = regions.province(area.provinceCode())
                    .map(RegionCatalog.Province::name)
                    .orElse("");
            return new County(
                    area.code(),
                    area.name(),
                    area.cityCode() + "00",
                    cityName,
                    area.provinceCode() + "0000",
                    provinceName);
        }

        private void planTowns() {
            List<RegionCatalog.Street> streets = new ArrayList<>(regions.towns(countyCode));
            if (streets.isEmpty()) {
                throw new IllegalArgumentException("no towns known for county " + countyCode);
            }
            RegionCatalog.Street seat = streets.stream()
                    .filter(s -> s.name().equals("城关镇"))
                    .findFirst()
                    .orElse(streets.get(0));
            streets.remove(seat);
            streets.add(0, seat);
            for (int i = 0; i < streets.size(); i++) {
                RegionCatalog.Street s = streets.get(i);
                TownKind kind = i == 0
                        ? TownKind.SEAT
                        : s.name().endsWith("街道") || s.name().endsWith("街道办事处")
                                ? TownKind.URBAN
                                : s.name().endsWith("镇") ? TownKind.TOWN : TownKind.TOWNSHIP;
                double angle = r.nextDouble() * 2 * Math.PI;
                double radius = i == 0 ? 0 : kind == TownKind.URBAN ? 2 + 4 * r.nextDouble() : 8 + 30 * r.nextDouble();
                towns.add(new TownPlan(i, s, kind, radius * Math.cos(angle), radius * Math.sin(angle)));
            }
        }

        private void planUnits() {
            Set<String> compoundNames = new HashSet<>();
            Set<String> seatCommunities = new HashSet<>();
            for (TownPlan town : towns) {
                Set<String> villages = new HashSet<>();
                String stem = PlaceNames.stem(town.street.name());
                int urbanCommunities =
                        switch (town.kind) {
                            case SEAT -> 6 + r.nextInt(4);
                            case URBAN -> 3 + r.nextInt(3);
                            case TOWN -> 1 + (r.nextInt(10) < 4 ? 1 : 0);
                            case TOWNSHIP -> 0;
                        };
                int villageCount =
                        switch (town.kind) {
                            case SEAT -> 2 + r.nextInt(3);
                            case URBAN -> 0;
                            case TOWN, TOWNSHIP -> 4 + r.nextInt(4);
                        };
                for (int c = 0; c < urbanCommunities; c++) {
                    String name;
                    if (town.kind == TownKind.TOWN) {
                        name = stem + (c == 0 ? "" : "东街") + "社区";
                    } else {
                        do {
                            name = PlaceNames.SEAT_COMMUNITIES[r.nextInt(PlaceNames.SEAT_COMMUNITIES.length)] + "社区";
                        } while (!seatCommunities.add(town.street.code() + name));
                    }
                    int compounds = town.kind == TownKind.TOWN ? 2 + r.nextInt(2) : 2 + r.nextInt(3);
                    addCommunity(town, name, compounds, () -> PlaceNames.compound(r, compoundNames));
                }
                for (int v = 0; v < villageCount; v++) {
                    String name = PlaceNames.village(r, villages);
                    int groups = 2 + r.nextInt(3);
                    int[] next = {0};
                    addCommunity(town, name, groups, () -> PlaceNames.GROUPS[next[0]++]);
                }
            }
        }

        private void addCommunity(
                TownPlan town, String community, int compounds, java.util.function.Supplier<String> compoundName) {
            town.communities.add(community);
            int c = town.communities.size();
            for (int k = 1; k <= compounds; k++) {
                String code = String.format("%s-%03d-%02d", town.street.code(), c, k);
                AddressUnit unit = new AddressUnit(code, town.street.code(), community, compoundName.get());
                town.units.add(units.size());
                townOfUnit.put(units.size(), town);
                households.add(Dwellings.of(seed, unit).households());
                units.add(unit);
            }
        }

        private List<SchoolPlan> planSchools(County county) {
            String prefix = county.name();
            int publicCount = schoolCount - 2;
            int nine = Math.max(1, (int) Math.round(publicCount * 0.15));
            int junior = Math.max(2, (int) Math.round(publicCount * 0.25));
            int primary = publicCount - nine - junior;
            TownPlan seat = towns.get(0);
            List<TownPlan> ranked = new ArrayList<>(towns.subList(1, towns.size()));
            Collections.shuffle(ranked, new java.util.Random(r.nextLong()));
            ranked.sort((a, b) -> Integer.compare(rank(a.kind), rank(b.kind)));
            String seatStem = PlaceNames.stem(seat.street.name());
            Map<TownPlan, Integer> primariesIn = new HashMap<>();
            Map<TownPlan, Integer> juniorsIn = new HashMap<>();
            List<SchoolPlan> plans = new ArrayList<>();

            int seatPrimaries = ranked.isEmpty() ? primary : Math.max(2, (int) Math.ceil(primary * 0.35));
            for (int i = 1; i <= seatPrimaries; i++) {
                plans.add(new SchoolPlan(
                        SchoolKind.PRIMARY, seat, prefix + seatStem + "第" + PlaceNames.ordinal(i) + "小学"));
            }
            for (int i = 0; i < primary - seatPrimaries; i++) {
                TownPlan t = ranked.get(i % ranked.size());
                int n = primariesIn.merge(t, 1, Integer::sum);
                String name = n == 1
                        ? prefix + t.street.name() + "中心小学"
                        : prefix + PlaceNames.stem(t.street.name()) + "第" + PlaceNames.ordinal(n) + "小学";
                plans.add(new SchoolPlan(SchoolKind.PRIMARY, t, name));
            }
            int seatJuniors = ranked.isEmpty() ? junior : Math.max(1, (int) Math.ceil(junior * 0.5));
            for (int i = 1; i <= seatJuniors; i++) {
                plans.add(new SchoolPlan(SchoolKind.JUNIOR, seat, prefix + "第" + PlaceNames.ordinal(i + 1) + "中学"));
            }
            for (int i = 0; i < junior - seatJuniors; i++) {
                TownPlan t = ranked.get(i % ranked.size());
                int n = juniorsIn.merge(t, 1, Integer::sum);
                String stem = PlaceNames.stem(t.street.name());
                plans.add(new SchoolPlan(
                        SchoolKind.JUNIOR, t, prefix + stem + (n == 1 ? "" : "第" + PlaceNames.ordinal(n)) + "中学"));
            }
            List<TownPlan> nineTowns = new ArrayList<>(ranked);
            Collections.reverse(nineTowns);
            nineTowns.sort((a, b) -> Boolean.compare(primariesIn.containsKey(a), primariesIn.containsKey(b)));
            for (int i = 0; i < nine; i++) {
                TownPlan t = nineTowns.isEmpty() ? seat : nineTowns.get(i % nineTowns.size());
                String stem = PlaceNames.stem(t.street.name());
                plans.add(new SchoolPlan(
                        SchoolKind.NINE_YEAR,
                        t,
                        prefix + stem + (i < nineTowns.size() ? "" : PlaceNames.ordinal(i / nineTowns.size() + 1))
                                + "九年制学校"));
            }
            int head = r.nextInt(PlaceNames.PRIVATE_SCHOOL_HEADS.length);
            int other = (head + 1 + r.nextInt(PlaceNames.PRIVATE_SCHOOL_HEADS.length - 1))
                    % PlaceNames.PRIVATE_SCHOOL_HEADS.length;
            plans.add(new SchoolPlan(
                    SchoolKind.PRIVATE_NINE_YEAR, seat, prefix + PlaceNames.PRIVATE_SCHOOL_HEADS[head] + "实验学校"));
            plans.add(new SchoolPlan(
                    SchoolKind.PRIVATE_PRIMARY, seat, prefix + PlaceNames.PRIVATE_SCHOOL_HEADS[other] + "小学"));
            return plans;
        }

        private int rank(TownKind kind) {
            return switch (kind) {
                case SEAT -> 0;
                case URBAN -> 1;
                case TOWN -> 2;
                case TOWNSHIP -> 3;
            };
        }

        private List<School> schools(List<SchoolPlan> plans, County county) {
            Map<SchoolKind, Integer> sequence = new EnumMap<>(SchoolKind.class);
            Map<TownPlan, Integer> inTown = new HashMap<>();
            Set<String> phones = new HashSet<>();
            String areaCode = GANSU_AREA_CODES.getOrDefault(area.cityCode(), "0999");
            List<School> out = new ArrayList<>();
            for (SchoolPlan p : plans) {
                int base = p.kind.codeBase;
                int n = sequence.merge(
                        p.kind == SchoolKind.PRIVATE_PRIMARY ? SchoolKind.PRIVATE_NINE_YEAR : p.kind, 1, Integer::sum);
                String code = county.code() + (base + n);
                int k = inTown.merge(p.town, 1, Integer::sum) - 1;
                TownPlan t = p.town;
                List<String> urban =
                        t.communities.stream().filter(c -> c.endsWith("社区")).toList();
                List<String> candidates = urban.isEmpty() ? t.communities : urban;
                String community = candidates.get((k * 3) % candidates.size());
                String road = t.kind == TownKind.SEAT
                        ? PlaceNames.SEAT_ROADS[r.nextInt(PlaceNames.SEAT_ROADS.length)]
                        : community.endsWith("社区") ? PlaceNames.stem(t.street.name()) + "街" : "";
                String line = t.street.name() + community + road + (1 + r.nextInt(180)) + "号";
                String phone;
                do {
                    phone = areaCode + "-52" + PopulationGenerator.pad(5, r.nextInt(100_000));
                } while (!phones.add(phone));
                Map<Stage, Integer> none = new EnumMap<>(Stage.class);
                out.add(new School(
                        code,
                        p.name,
                        p.kind.ownership,
                        p.kind.stages,
                        t.street.code(),
                        community,
                        null,
                        line,
                        none,
                        none,
                        phone));
            }
            return out;
        }

        private Map<Stage, Integer> zonesPerStage(List<School> schools) {
            long primary = schools.stream()
                    .filter(s -> s.ownership() == Ownership.PUBLIC && s.teaches(Stage.PRIMARY))
                    .count();
            long junior = schools.stream()
                    .filter(s -> s.ownership() == Ownership.PUBLIC && s.teaches(Stage.JUNIOR))
                    .count();
            int p = (int) Math.round(zoneCount * (double) primary / (primary + junior));
            p = Math.max(1, Math.min(zoneCount - 1, p));
            Map<Stage, Integer> m = new EnumMap<>(Stage.class);
            m.put(Stage.PRIMARY, Math.min(p, units.size()));
            m.put(Stage.JUNIOR, Math.min(zoneCount - p, units.size()));
            return m;
        }

        private List<Zone> zones(Stage stage, int target, List<SchoolPlan> plans, List<School> schools) {
            List<Integer> serving = new ArrayList<>();
            for (int i = 0; i < schools.size(); i++) {
                if (schools.get(i).ownership() == Ownership.PUBLIC
                        && schools.get(i).teaches(stage)) {
                    serving.add(i);
                }
            }
            Map<Integer, List<Integer>> areaOf = new LinkedHashMap<>();
            Map<Integer, Long> load = new HashMap<>();
            for (int s : serving) {
                areaOf.put(s, new ArrayList<>());
                load.put(s, 0L);
            }
            List<TownPlan> withoutSchool = new ArrayList<>();
            for (TownPlan t : towns) {
                List<Integer> here =
                        serving.stream().filter(s -> plans.get(s).town == t).toList();
                if (here.isEmpty()) {
                    withoutSchool.add(t);
                    continue;
                }
                List<List<Integer>> blocks = split(t.units, here.size());
                for (int b = 0; b < blocks.size(); b++) {
                    areaOf.get(here.get(b)).addAll(blocks.get(b));
                    load.merge(here.get(b), weight(blocks.get(b)), Long::sum);
                }
            }
            for (TownPlan t : withoutSchool) {
                int best = -1;
                double bestDistance = Double.MAX_VALUE;
                for (int s : serving) {
                    double d = plans.get(s).town.distance(t) * (1 + load.get(s) / 200_000.0);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = s;
                    }
                }
                areaOf.get(best).addAll(t.units);
                load.merge(best, weight(t.units), Long::sum);
            }
            for (List<Integer> a : areaOf.values()) {
                Collections.sort(a);
            }
            List<Integer> withArea =
                    serving.stream().filter(s -> !areaOf.get(s).isEmpty()).toList();
            List<Integer> withoutArea =
                    serving.stream().filter(s -> areaOf.get(s).isEmpty()).toList();
            List<List<Integer>> zoneSchools = new ArrayList<>();
            List<List<Integer>> zoneUnits = new ArrayList<>();
            List<String> zoneNames = new ArrayList<>();
            if (target >= withArea.size()) {
                Map<Integer, Integer> count = new HashMap<>();
                for (int s : withArea) {
                    count.put(s, 1);
                }
                for (int extra = target - withArea.size(); extra > 0; extra--) {
                    int best = -1;
                    double bestScore = -1;
                    for (int s : withArea) {
                        if (count.get(s) < areaOf.get(s).size()) {
                            double score = load.get(s) / (double) count.get(s);
                            if (score > bestScore) {
                                bestScore = score;
                                best = s;
                            }
                        }
                    }
                    if (best < 0) {
                        break;
                    }
                    count.merge(best, 1, Integer::sum);
                }
                for (int s : withArea) {
                    List<List<Integer>> parts = split(areaOf.get(s), count.get(s));
                    String shortName = shortName(schools.get(s));
                    for (int p = 0; p < parts.size(); p++) {
                        zoneSchools.add(new ArrayList<>(List.of(s)));
                        zoneUnits.add(parts.get(p));
                        zoneNames.add(
                                parts.size() == 1
                                        ? shortName + "学区"
                                        : shortName + "第" + PlaceNames.ordinal(p + 1) + "学区");
                    }
                }
            } else {
                int per = withArea.size() / target;
                int rest = withArea.size() % target;
                int at = 0;
                for (int z = 0; z < target; z++) {
                    int size = per + (z < rest ? 1 : 0);
                    List<Integer> group = new ArrayList<>(withArea.subList(at, at + size));
                    at += size;
                    List<Integer> unitsOfGroup = new ArrayList<>();
                    group.forEach(s -> unitsOfGroup.addAll(areaOf.get(s)));
                    Collections.sort(unitsOfGroup);
                    zoneSchools.add(group);
                    zoneUnits.add(unitsOfGroup);
                    String first = shortName(schools.get(group.get(0)));
                    zoneNames.add(group.size() == 1 ? first + "学区" : first + "等" + group.size() + "校学区");
                }
            }
            for (int s : withoutArea) {
                TownPlan t = plans.get(s).town;
                int unit = t.units.get(0);
                for (int z = 0; z < zoneUnits.size(); z++) {
                    if (zoneUnits.get(z).contains(unit)) {
                        zoneSchools.get(z).add(s);
                        break;
                    }
                }
            }
            List<Zone> out = new ArrayList<>();
            String letter = stage == Stage.PRIMARY ? "P" : "J";
            for (int z = 0; z < zoneUnits.size(); z++) {
                out.add(new Zone(
                        String.format("%s-%s-%02d", countyCode, letter, z + 1),
                        zoneNames.get(z),
                        stage,
                        zoneSchools.get(z).stream()
                                .map(s -> schools.get(s).code())
                                .toList(),
                        zoneUnits.get(z).stream().map(u -> units.get(u).code()).toList()));
            }
            return out;
        }

        private String shortName(School school) {
            String prefix = area.name();
            return school.name().startsWith(prefix) ? school.name().substring(prefix.length()) : school.name();
        }

        private long weight(List<Integer> unitIndices) {
            long w = 0;
            for (int u : unitIndices) {
                w += households.get(u);
            }
            return w;
        }

        /** Splits in order into {@code parts} non-empty contiguous runs of similar household weight. */
        private List<List<Integer>> split(List<Integer> unitIndices, int parts) {
            int n = Math.min(parts, unitIndices.size());
            List<List<Integer>> out = new ArrayList<>();
            if (n == 0) {
                return out;
            }
            long total = weight(unitIndices);
            long acc = 0;
            List<Integer> current = new ArrayList<>();
            for (int i = 0; i < unitIndices.size(); i++) {
                int u = unitIndices.get(i);
                current.add(u);
                acc += households.get(u);
                int remainingUnits = unitIndices.size() - i - 1;
                int remainingParts = n - out.size() - 1;
                boolean reached = acc * n >= total * (out.size() + 1);
                if (remainingParts > 0 && (reached || remainingUnits == remainingParts)) {
                    out.add(current);
                    current = new ArrayList<>();
                }
            }
            out.add(current);
            return out;
        }
    }
}
