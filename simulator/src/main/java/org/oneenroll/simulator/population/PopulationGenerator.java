package org.oneenroll.simulator.population;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.oneenroll.simulator.population.CountyLayout.AddressUnit;

/**
 * Generates the families of a county: family {@code i} is a pure function of (seed, plan year, defect rates,
 * layout, {@code i}), so populations stream in any order or in parallel and never sit in memory. Identity
 * numbers come from keyed permutations of the family index, so no two persons share one (for populations up to
 * about 1.4 million families; children past the first 182,000 carry the codes of the city's other districts) and
 * {@link #locate} finds the family behind any of them.
 */
public final class PopulationGenerator {

    /** Default plan year. */
    public static final int DEFAULT_PLAN_YEAR = 2026;

    private static final long CORE = 11;
    private static final long DEFECTS = 13;
    private static final FamilyScenario[] SCENARIOS = FamilyScenario.values();
    private static final double[] SCENARIO_SHARES = {0.48, 0.10, 0.09, 0.08, 0.22, 0.03};
    private static final String[] ETHNICITIES = {"汉族", "回族", "藏族", "东乡族", "土族"};
    private static final int[] ETHNICITY_PERCENT = {88, 8, 2, 1, 1};
    /** Provinces next to Gansu and big sources of migrants there, drawn three times as often as others. */
    private static final Set<String> NEAR_PROVINCES = Set.of("61", "63", "64", "15", "51", "41", "65", "50");

    private static final Map<String, String> PROVINCE_ABBREVIATIONS = provinceAbbreviations();

    private final CountyLayout layout;
    private final RegionCatalog regions;
    private final long seed;
    private final int planYear;
    private final DefectRates rates;
    private final LocalDate asOf;
    private final YearMonth lastPaidMonth;

    private final RegionCatalog.Area county;
    private final String countyFullName;
    private final String countyStem;
    private final AddressUnit[] units;
    private final Dwellings[] dwellings;
    private final double[] anyHome;
    private final double[] townHome;
    private final Map<String, String> townNames = new HashMap<>();
    private final Map<String, String> fullNames = new ConcurrentHashMap<>();
    private final Map<String, String> nativePlaces = new ConcurrentHashMap<>();
    private final Map<String, List<String>> communitiesByTown = new HashMap<>();
    private final Set<String> compoundsByCommunity = new HashSet<>();
    private final List<RegionCatalog.Area> reserved;
    private final List<RegionCatalog.Area> sameProvince;
    private final List<RegionCatalog.Area> elsewhere;
    private final double[] elsewhereWeights;

    private final IdSpace primary;
    private final IdSpace junior;
    private final IdSpace younger;
    private final IdSpace fatherOfJunior;
    private final IdSpace motherOfJunior;
    private final IdSpace fatherOfPrimary;
    private final IdSpace motherOfPrimary;
    private final IdSpace grandfather;
    private final IdSpace grandmother;
    private final IdSpace landlord;
    private final IdSpace[] allSpaces;
    /** Mobile numbers' 8-digit suffixes: a permutation, so two adults never share a number. */
    private final SlotPermutation mobiles;

    public PopulationGenerator(CountyLayout layout, RegionCatalog regions, long seed, int planYear, DefectRates rates) {
        this.layout = Objects.requireNonNull(layout);
        this.regions = Objects.requireNonNull(regions);
        this.seed = seed;
        this.planYear = planYear;
        this.rates = Objects.requireNonNull(rates);
        this.asOf = LocalDate.of(planYear, 6, 1);
        this.lastPaidMonth = YearMonth.from(asOf).minusMonths(1);
        this.county = regions.area(layout.county().code())
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown county " + layout.county().code()));
        this.countyFullName = layout.county().fullName();
        this.countyStem = PlaceNames.countyStem(county.name());
        if (layout.addressUnits().isEmpty()) {
            throw new IllegalArgumentException("layout has no address units");
        }
        layout.towns().forEach(t -> townNames.put(t.code(), t.name()));
        int n = layout.addressUnits().size();
        units = layout.addressUnits().toArray(new AddressUnit[0]);
        dwellings = new Dwellings[n];
        anyHome = new double[n];
        townHome = new double[n];
        double sumAny = 0;
        double sumTown = 0;
        for (int i = 0; i < n; i++) {
            dwellings[i] = Dwellings.of(layout.seed(), units[i]);
            sumAny += dwellings[i].households();
            sumTown += dwellings[i].households() * (units[i].urban() ? 4.0 : 1.0);
            anyHome[i] = sumAny;
            townHome[i] = sumTown;
            List<String> communities = communitiesByTown.computeIfAbsent(units[i].townCode(), k -> new ArrayList<>());
            if (!communities.contains(units[i].community())) {
                communities.add(units[i].community());
            }
            compoundsByCommunity.add(units[i].townCode() + "/" + units[i].community() + "/" + units[i].compound());
        }
        List<RegionCatalog.Area> administrative = regions.areas().stream()
                .filter(RegionCatalog::administrative)
                .filter(a -> !a.code().equals(county.code()))
                .toList();
        List<RegionCatalog.Area> reservedList = new ArrayList<>(administrative.stream()
                .filter(a -> a.cityCode().equals(county.cityCode()))
                .toList());
        administrative.stream()
                .filter(a -> a.provinceCode().equals(county.provinceCode()))
                .filter(a -> !reservedList.contains(a))
                .limit(Math.max(0, 7 - reservedList.size()))
                .forEach(reservedList::add);
        this.reserved = List.copyOf(reservedList.subList(0, Math.min(7, reservedList.size())));
        this.sameProvince = administrative.stream()
                .filter(a -> a.provinceCode().equals(county.provinceCode()))
                .filter(a -> !reserved.contains(a))
                .toList();
        this.elsewhere = administrative.stream()
                .filter(a -> !a.provinceCode().equals(county.provinceCode()))
                .toList();
        this.elsewhereWeights = new double[elsewhere.size()];
        double w = 0;
        for (int i = 0; i < elsewhere.size(); i++) {
            w += NEAR_PROVINCES.contains(elsewhere.get(i).provinceCode()) ? 3 : 1;
            elsewhereWeights[i] = w;
        }
        int y = planYear;
        primary = new IdSpace(LocalDate.of(y - 7, 9, 1), LocalDate.of(y - 6, 8, 31), 0, 499, seed, 1);
        junior = new IdSpace(LocalDate.of(y - 13, 9, 1), LocalDate.of(y - 12, 8, 31), 0, 499, seed, 2);
        younger = new IdSpace(LocalDate.of(y - 6, 9, 1), LocalDate.of(y - 1, 12, 31), 0, 499, seed, 3);
        fatherOfJunior = new IdSpace(LocalDate.of(y - 53, 1, 1), LocalDate.of(y - 34, 12, 31), 0, 200, seed, 4);
        motherOfJunior = new IdSpace(LocalDate.of(y - 53, 1, 1), LocalDate.of(y - 34, 12, 31), 0, 200, seed, 5);
        fatherOfPrimary = new IdSpace(LocalDate.of(y - 49, 1, 1), LocalDate.of(y - 28, 12, 31), 200, 400, seed, 6);
        motherOfPrimary = new IdSpace(LocalDate.of(y - 49, 1, 1), LocalDate.of(y - 28, 12, 31), 200, 400, seed, 7);
        grandfather = new IdSpace(LocalDate.of(y - 80, 1, 1), LocalDate.of(y - 54, 12, 31), 0, 400, seed, 8);
        grandmother = new IdSpace(LocalDate.of(y - 80, 1, 1), LocalDate.of(y - 54, 12, 31), 0, 400, seed, 9);
        landlord = new IdSpace(LocalDate.of(y - 75, 1, 1), LocalDate.of(y - 30, 12, 31), 400, 499, seed, 10);
        mobiles = new SlotPermutation(100_000_000L, Mix.of(seed, 0x70E1L, 3));
        allSpaces = new IdSpace[] {
            primary,
            junior,
            younger,
            fatherOfJunior,
            motherOfJunior,
            fatherOfPrimary,
            motherOfPrimary,
            grandfather,
            grandmother,
            landlord
        };
    }

    /** A generator for the default plan year and defect rates. */
    public static PopulationGenerator of(CountyLayout layout, long seed) {
        return new PopulationGenerator(layout, RegionCatalog.load(), seed, DEFAULT_PLAN_YEAR, DefectRates.defaults());
    }

    public CountyLayout layout() {
        return layout;
    }

    public long seed() {
        return seed;
    }

    public int planYear() {
        return planYear;
    }

    public DefectRates rates() {
        return rates;
    }

    /** The date records are checked against (1 June of the plan year): permits expire and leases run relative to it. */
    public LocalDate asOf() {
        return asOf;
    }

    /** Families {@code 0..count-1} in order, generated lazily. */
    public Stream<Family> families(long count) {
        return LongStream.range(0, count).mapToObj(this::family);
    }

    /** Family {@code index}, regenerated from scratch. */
    public Family family(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index " + index);
        }
        return new Draft(index).build();
    }

    /**
     * The index of the family among the first {@code size} that holds the person with this identity number (a
     * parent, grandparent, child, or the family's landlord), by inverting the identity permutations.
     */
    public OptionalLong locate(String idNumber, long size) {
        if (!IdentityNumbers.isValid(idNumber)) {
            return OptionalLong.empty();
        }
        LocalDate birth = IdentityNumbers.birthDate(idNumber);
        int sequence = Integer.parseInt(idNumber.substring(14, 17));
        if (sequence == 0) {
            return OptionalLong.empty();
        }
        int k = (sequence - 1) / 2;
        for (IdSpace space : allSpaces) {
            if (!space.contains(birth, k)) {
                continue;
            }
            for (long i = space.baseIndex(birth, k); i < size; i += space.domain()) {
                if (holds(family(i), idNumber)) {
                    return OptionalLong.of(i);
                }
            }
        }
        return OptionalLong.empty();
    }

    private static boolean holds(Family f, String id) {
        for (Adult a : f.adults()) {
            if (a.person().idNumber().equals(id)) {
                return true;
            }
        }
        for (Child c : f.children()) {
            if (c.person().idNumber().equals(id)) {
                return true;
            }
        }
        for (RentalRegistrationRecord r : f.records().rentalRegistrations()) {
            if (r.landlordIdNumber().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** {@code value} as exactly {@code width} digits, zero-padded (String.format is too slow here). */
    static String pad(int width, long value) {
        char[] c = new char[width];
        long v = value;
        for (int i = width - 1; i >= 0; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
        return new String(c);
    }

    private String fullName(RegionCatalog.Area area) {
        return fullNames.computeIfAbsent(area.code(), k -> regions.fullName(area));
    }

    /**
     * 籍贯 as printed in a hukou register: short province and county names ("甘肃榆中"), or the city's for a city
     * district ("山东青岛"), since nobody gives a district as their native place.
     */
    private String nativePlace(RegionCatalog.Area area) {
        return nativePlaces.computeIfAbsent(area.code(), k -> {
            String place = PlaceNames.countyStem(area.name());
            String city =
                    regions.city(area.cityCode()).map(RegionCatalog.City::name).orElse("");
            if (area.name().endsWith("区") && city.endsWith("市") && !RegionCatalog.placeholderCity(city)) {
                place = city.substring(0, city.length() - 1);
            }
            String province = regions.province(area.provinceCode())
                    .map(RegionCatalog.Province::name)
                    .orElse("");
            for (String suffix : new String[] {"维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"}) {
                if (province.endsWith(suffix)) {
                    province = province.substring(0, province.length() - suffix.length());
                    break;
                }
            }
            return province.equals(place) ? place : province + place;
        });
    }

    private static int pick(double[] cumulative, double u) {
        double target = u * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Map<String, String> provinceAbbreviations() {
        String[] pairs = ("11京 12津 13冀 14晋 15蒙 21辽 22吉 23黑 31沪 32苏 33浙 34皖 35闽 36赣 37鲁 41豫 42鄂 43湘 44粤 "
                        + "45桂 46琼 50渝 51川 52黔 53云 54藏 61陕 62甘 63青 64宁 65新")
                .split(" ");
        Map<String, String> m = new HashMap<>();
        for (String p : pairs) {
            m.put(p.substring(0, 2), p.substring(2));
        }
        return Map.copyOf(m);
    }

    /**
     * Birth dates in [from, to] times sequence slots [kFrom, kTo): a family index maps to one (date, slot) through
     * a keyed permutation. Spaces whose dates overlap use disjoint slot ranges, so two persons never share a
     * number while the population fits.
     */
    private static final class IdSpace {
        private final LocalDate from;
        private final LocalDate to;
        private final int kFrom;
        private final int kCount;
        private final SlotPermutation permutation;

        IdSpace(LocalDate from, LocalDate to, int kFrom, int kTo, long seed, long purpose) {
            this.from = from;
            this.to = to;
            this.kFrom = kFrom;
            this.kCount = kTo - kFrom;
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            this.permutation = new SlotPermutation(days * kCount, Mix.of(seed, purpose, 0x1D5L));
        }

        long domain() {
            return permutation.domain();
        }

        /** How many times the index wrapped around the space (0 while the population fits). */
        long wrap(long index) {
            return index / domain();
        }

        LocalDate birthDate(long index) {
            return from.plusDays(permutation.apply(index % domain()) / kCount);
        }

        int sequence(long index, Sex sex) {
            int k = kFrom + (int) (permutation.apply(index % domain()) % kCount);
            return sex == Sex.MALE ? 2 * k + 1 : 2 * k + 2;
        }

        boolean contains(LocalDate date, int k) {
            return !date.isBefore(from) && !date.isAfter(to) && k >= kFrom && k < kFrom + kCount;
        }

        long baseIndex(LocalDate date, int k) {
            long slot = ChronoUnit.DAYS.between(from, date) * kCount + (k - kFrom);
            return permutation.invert(slot);
        }
    }

    /** The working state of one family while it is generated. */
    private final class Draft {
        private final long index;
        private final SplittableRandom r;
        private final SplittableRandom d;

        private FamilyScenario scenario;
        private PreferentialKind preferential = PreferentialKind.NONE;
        private boolean hasPrimary;
        private boolean hasJunior;
        private boolean hasYounger;
        private String ethnicity;
        private RegionCatalog.Area origin;
        private boolean localHukou;
        private boolean divorced;
        private Person father;
        private Person mother;
        private Person grandpa;
        private Person grandma;
        private boolean paternal = true;
        private boolean grandparentGuardian;
        private final Map<String, Person> byId = new HashMap<>();
        private final List<Child> children = new ArrayList<>();
        private final List<Adult> adults = new ArrayList<>();
        private final List<Defect> defects = new ArrayList<>();
        private final List<HukouRecord> hukou = new ArrayList<>();
        private final List<ResidencePermitRecord> permits = new ArrayList<>();
        private final List<RealEstateTitleRecord> titles = new ArrayList<>();
        private final List<PurchaseContractRecord> contracts = new ArrayList<>();
        private final List<RentalRegistrationRecord> rentals = new ArrayList<>();
        private final List<AffordableHousingRecord> affordable = new ArrayList<>();
        private final List<IndividualBusinessLicenceRecord> individualLicences = new ArrayList<>();
        private final List<EnterpriseLicenceRecord> enterpriseLicences = new ArrayList<>();
        private final List<SocialInsuranceRecord> insurance = new ArrayList<>();
        private final List<MarriageRecord> marriages = new ArrayList<>();
        private final List<BirthCertificateRecord> births = new ArrayList<>();

        Draft(long index) {
            this.index = index;
            this.r = Mix.random(seed, index, CORE);
            this.d = Mix.random(seed, index, DEFECTS);
        }

        Family build() {
            // Defect draws come first and in a fixed number, so changing a rate changes only which families get
            // that defect, never anything else about a family.
            double rareDraw = d.nextDouble();
            double hukouDraw = d.nextDouble();
            double birthDraw = d.nextDouble();
            double propertyDraw = d.nextDouble();
            double permitDraw = d.nextDouble();
            double gapDraw = d.nextDouble();
            boolean rareChild = d.nextInt(5) > 0;
            int subjectDraw = d.nextInt(2);

            composition();
            people();
            Person applicantChild = applicants().get(0).person();
            if (rareDraw < rates.rate(DefectKind.RARE_CHARACTER_NAME)) {
                renameRare(rareChild ? applicantChild : father);
            }
            Person subject = applicants().get(subjectDraw % applicants().size()).person();

            guardians();

            boolean ownsHome = scenario == FamilyScenario.HOUSE_AND_HUKOU || scenario == FamilyScenario.HOUSE_ONLY;
            DefectKind propertyDefect = null;
            if (ownsHome && propertyDraw < rates.rate(DefectKind.PROPERTY_OUTSIDE_ZONES)) {
                propertyDefect = DefectKind.PROPERTY_OUTSIDE_ZONES;
            } else if (ownsHome
                    && propertyDraw
                            < rates.rate(DefectKind.PROPERTY_OUTSIDE_ZONES)
                                    + rates.rate(DefectKind.PROPERTY_OUTSIDE_COUNTY)) {
                propertyDefect = DefectKind.PROPERTY_OUTSIDE_COUNTY;
            }
            HomeAddress home = housing(propertyDefect);
            if (propertyDefect != null) {
                defects.add(new Defect(
                        propertyDefect,
                        firstGuardianParent().idNumber(),
                        propertyDefect == DefectKind.PROPERTY_OUTSIDE_ZONES
                                ? "房产所在小区未划入任何招生片区：" + home.line()
                                : "房产不在本县：" + home.line()));
            }
            permits(home, permitDraw < rates.rate(DefectKind.EXPIRED_RESIDENCE_PERMIT));
            work(gapDraw < rates.rate(DefectKind.SOCIAL_INSURANCE_GAP));
            marriage();
            births();

            if (hukouDraw < rates.rate(DefectKind.MISSING_HUKOU_RECORD)) {
                hukou.removeIf(h -> h.idNumber().equals(subject.idNumber()));
                defects.add(
                        new Defect(DefectKind.MISSING_HUKOU_RECORD, subject.idNumber(), "户籍库查无此人：" + subject.name()));
            }
            if (birthDraw < rates.rate(DefectKind.MISSING_BIRTH_CERTIFICATE)) {
                births.removeIf(b ->
                        b.childName().equals(subject.name()) && b.birthDate().equals(subject.birthDate()));
                defects.add(new Defect(
                        DefectKind.MISSING_BIRTH_CERTIFICATE, subject.idNumber(), "出生医学证明库查无记录：" + subject.name()));
            }
            GovRecords records = new GovRecords(
                    List.copyOf(hukou),
                    List.copyOf(permits),
                    List.copyOf(titles),
                    List.copyOf(contracts),
                    List.copyOf(rentals),
                    List.copyOf(affordable),
                    List.copyOf(individualLicences),
                    List.copyOf(enterpriseLicences),
                    List.copyOf(insurance),
                    List.copyOf(marriages),
                    List.copyOf(births));
            return new Family(
                    index,
                    scenario,
                    preferential,
                    List.copyOf(adults),
                    List.copyOf(children),
                    home,
                    records,
                    List.copyOf(defects));
        }

        private List<Child> applicants() {
            List<Child> out = new ArrayList<>(2);
            for (Child c : children) {
                if (c.role().stage() != null) {
                    out.add(c);
                }
            }
            return out;
        }

        private void composition() {
            double u = r.nextDouble();
            hasPrimary = u < 0.55 || u >= 0.85;
            hasJunior = u >= 0.55;
            hasYounger = r.nextInt(100) < 22;
            double s = r.nextDouble();
            double acc = 0;
            scenario = SCENARIOS[SCENARIOS.length - 1];
            for (int i = 0; i < SCENARIOS.length; i++) {
                acc += SCENARIO_SHARES[i];
                if (s < acc) {
                    scenario = SCENARIOS[i];
                    break;
                }
            }
            if (scenario == FamilyScenario.PREFERENTIAL) {
                preferential = r.nextBoolean() ? PreferentialKind.HIGH_LEVEL_TALENT : PreferentialKind.MILITARY;
            }
            int e = r.nextInt(100);
            ethnicity = ETHNICITIES[ETHNICITIES.length - 1];
            for (int i = 0, sum = 0; i < ETHNICITIES.length; i++) {
                sum += ETHNICITY_PERCENT[i];
                if (e < sum) {
                    ethnicity = ETHNICITIES[i];
                    break;
                }
            }
            localHukou = switch (scenario) {
                case HOUSE_AND_HUKOU, HUKOU_ONLY_RELATIVES, HUKOU_ONLY_RENTING -> true;
                case PREFERENTIAL -> preferential == PreferentialKind.HIGH_LEVEL_TALENT;
                default -> false;
            };
            boolean born = scenario == FamilyScenario.HOUSE_AND_HUKOU
                    || scenario == FamilyScenario.HUKOU_ONLY_RELATIVES
                    || scenario == FamilyScenario.HUKOU_ONLY_RENTING;
            origin = born ? county : originArea();
            divorced = r.nextInt(100) < 5;
        }

        /** Where a family from outside the county comes from: Gansu for a little over half, else anywhere. */
        private RegionCatalog.Area originArea() {
            if (!sameProvince.isEmpty() && (r.nextInt(100) < 55 || elsewhere.isEmpty())) {
                return sameProvince.get(r.nextInt(sameProvince.size()));
            }
            return elsewhere.get(pick(elsewhereWeights, r.nextDouble()));
        }

        private RegionCatalog.Area nearby() {
            return sameProvince.isEmpty() ? county : sameProvince.get(r.nextInt(sameProvince.size()));
        }

        private void people() {
            boolean hui = ethnicity.equals("回族");
            IdSpace fatherSpace = hasJunior ? fatherOfJunior : fatherOfPrimary;
            IdSpace motherSpace = hasJunior ? motherOfJunior : motherOfPrimary;
            String familyName = ChineseNames.surname(r, hui);
            String motherName;
            do {
                motherName = ChineseNames.surname(r, hui);
            } while (motherName.equals(familyName));
            RegionCatalog.Area fatherRegion = origin == county && r.nextInt(100) >= 88 ? nearby() : origin;
            RegionCatalog.Area motherRegion = origin == county
                    ? (r.nextInt(100) < 70 ? county : nearby())
                    : r.nextInt(100) < 80 ? origin : originArea();
            father = person(fatherSpace, fatherRegion.code(), Sex.MALE, familyName, index);
            mother = person(motherSpace, motherRegion.code(), Sex.FEMALE, motherName, index);

            grandparentGuardian = !divorced
                    && (scenario == FamilyScenario.HOUSE_AND_HUKOU || scenario == FamilyScenario.HUKOU_ONLY_RELATIVES)
                    && r.nextInt(100) < 6;
            if (scenario == FamilyScenario.HUKOU_ONLY_RELATIVES || grandparentGuardian) {
                paternal = r.nextInt(100) < 80;
                String line = paternal ? familyName : motherName;
                String region = (paternal ? father : mother).idNumber().substring(0, 6);
                int who = r.nextInt(100);
                if (who < 75 || who >= 90) {
                    grandpa = person(grandfather, region, Sex.MALE, line, index);
                }
                if (who < 90) {
                    String grandmaName;
                    do {
                        grandmaName = ChineseNames.surname(r, hui);
                    } while (grandmaName.equals(line));
                    grandma = person(grandmother, region, Sex.FEMALE, grandmaName, index);
                }
            }
            String childSurname = r.nextInt(100) < 94 ? familyName : motherName;
            String childRegion = (localHukou && origin == county ? county : origin).code();
            if (hasJunior) {
                children.add(new Child(child(junior, childRegion, childSurname), ChildRole.JUNIOR_APPLICANT));
            }
            if (hasPrimary) {
                children.add(new Child(child(primary, childRegion, childSurname), ChildRole.PRIMARY_APPLICANT));
            }
            if (hasYounger) {
                children.add(new Child(child(younger, childRegion, childSurname), ChildRole.YOUNGER_SIBLING));
            }
        }

        private Person person(IdSpace space, String region, Sex sex, String surname, long i) {
            LocalDate birth = space.birthDate(i);
            String id = IdentityNumbers.build(region, birth, space.sequence(i, sex));
            return new Person(id, surname + ChineseNames.givenName(r, sex, birth.getYear()), sex, birth, ethnicity);
        }

        private Person child(IdSpace space, String naturalRegion, String surname) {
            Sex sex = r.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            long wrap = space.wrap(index);
            String region = wrap == 0 || reserved.isEmpty()
                    ? naturalRegion
                    : reserved.get((int) ((wrap - 1) % reserved.size())).code();
            return person(space, region, sex, surname, index);
        }

        private Adult adult(Person p, boolean guardian) {
            Kinship kinship;
            if (p == father) {
                kinship = Kinship.FATHER;
            } else if (p == mother) {
                kinship = Kinship.MOTHER;
            } else if (p.sex() == Sex.MALE) {
                kinship = paternal ? Kinship.GRANDFATHER : Kinship.MATERNAL_GRANDFATHER;
            } else {
                kinship = paternal ? Kinship.GRANDMOTHER : Kinship.MATERNAL_GRANDMOTHER;
            }
            long slot = index * 8 + kinship.ordinal();
            return new Adult(p, kinship, guardian, ChineseNames.mobile(r, mobiles.apply(slot % 100_000_000L)));
        }

        private void renameRare(Person p) {
            String surname = p.name().substring(0, surnameLength(p.name()));
            String given = ChineseNames.withRareCharacter(p.name().substring(surname.length()), d);
            Person renamed = new Person(p.idNumber(), surname + given, p.sex(), p.birthDate(), p.ethnicity());
            if (p == father) {
                father = renamed;
            } else {
                for (int i = 0; i < children.size(); i++) {
                    if (children.get(i).person() == p) {
                        children.set(i, new Child(renamed, children.get(i).role()));
                    }
                }
            }
            defects.add(new Defect(DefectKind.RARE_CHARACTER_NAME, p.idNumber(), "姓名含生僻字：" + renamed.name()));
        }

        private int surnameLength(String name) {
            return name.length() > 2 && Set.of("欧阳", "司马", "诸葛", "上官", "皇甫").contains(name.substring(0, 2)) ? 2 : 1;
        }

        private void guardians() {
            if (grandparentGuardian) {
                Person g = grandma != null ? grandma : grandpa;
                adults.add(adult(g, true));
                adults.add(adult(mother, r.nextBoolean()));
                adults.add(adult(father, false));
                if (g == grandma && grandpa != null) {
                    adults.add(adult(grandpa, false));
                }
                // stable: the grandparent stays the applying guardian
                adults.sort((a, b) -> Boolean.compare(b.guardian(), a.guardian()));
                return;
            }
            if (divorced) {
                Person custodian = r.nextInt(100) < 60 ? mother : father;
                adults.add(adult(custodian, true));
                Person other = custodian == mother ? father : mother;
                adults.add(adult(other, false));
            } else {
                boolean motherApplies = r.nextBoolean();
                Person first = motherApplies ? mother : father;
                Person second = motherApplies ? father : mother;
                adults.add(adult(first, true));
                adults.add(adult(second, r.nextInt(100) < 85));
            }
            if (grandpa != null) {
                adults.add(adult(grandpa, false));
            }
            if (grandma != null) {
                adults.add(adult(grandma, false));
            }
        }

        private Person firstGuardianParent() {
            for (Adult a : adults) {
                if (a.guardian() && (a.kinship() == Kinship.FATHER || a.kinship() == Kinship.MOTHER)) {
                    return a.person();
                }
            }
            return father;
        }

        /** The parent who holds the family's titles and leases: the father unless he left after a divorce. */
        private Person mainParent() {
            if (divorced) {
                return firstGuardianParent();
            }
            return father;
        }

        private int pickUnit(boolean townBiased) {
            return pick(townBiased ? townHome : anyHome, r.nextDouble());
        }

        private HomeAddress at(int unit) {
            AddressUnit u = units[unit];
            String detail = dwellings[unit].detail(r.nextLong(1L << 40));
            return new HomeAddress(
                    u.code(),
                    county.code(),
                    u.townCode(),
                    u.community(),
                    u.compound(),
                    detail,
                    countyFullName + townNames.get(u.townCode()) + u.community() + u.compound() + detail);
        }

        /** A new compound in the county that no zone covers (a defect), drawn from the defect stream. */
        private HomeAddress unzoned() {
            String town = layout.towns().get(d.nextInt(layout.towns().size())).code();
            List<String> communities = communitiesByTown.getOrDefault(town, List.of(townNames.get(town) + "社区"));
            String community = communities.get(d.nextInt(communities.size()));
            String compound;
            do {
                compound = PlaceNames.stem(townNames.get(town)) + "新区" + PlaceNames.ordinal(1 + d.nextInt(6)) + "期";
            } while (compoundsByCommunity.contains(town + "/" + community + "/" + compound));
            String detail = (1 + d.nextInt(12)) + "号楼" + (1 + d.nextInt(2)) + "单元" + (1 + d.nextInt(18)) + "0"
                    + (1 + d.nextInt(2)) + "室";
            return new HomeAddress(
                    null,
                    county.code(),
                    town,
                    community,
                    compound,
                    detail,
                    countyFullName + townNames.get(town) + community + compound + detail);
        }

        /** An address in another county (a defect, or a hukou elsewhere). */
        private HomeAddress elsewhere(RegionCatalog.Area area, SplittableRandom random, boolean village) {
            List<RegionCatalog.Street> streets = regions.towns(area.code());
            String townCode;
            String townName;
            if (streets.isEmpty()) {
                townCode = area.code() + "100";
                townName = "城关镇";
            } else {
                RegionCatalog.Street s = streets.get(random.nextInt(streets.size()));
                townCode = s.code();
                townName = s.name();
            }
            String community;
            String compound;
            String detail;
            if (village) {
                community = PlaceNames.village(random, new HashSet<>());
                compound = PlaceNames.GROUPS[random.nextInt(6)];
                detail = (1 + random.nextInt(90)) + "号";
            } else {
                community = PlaceNames.stem(townName) + "社区";
                compound = PlaceNames.compound(random, new HashSet<>());
                detail = (1 + random.nextInt(15)) + "号楼" + (1 + random.nextInt(3)) + "单元" + (1 + random.nextInt(20))
                        + "0" + (1 + random.nextInt(2)) + "室";
            }
            return new HomeAddress(
                    null,
                    area.code(),
                    townCode,
                    community,
                    compound,
                    detail,
                    fullName(area) + townName + community + compound + detail);
        }

        private HomeAddress housing(DefectKind propertyDefect) {
            HomeAddress home;
            HomeAddress hukouAddress;
            switch (scenario) {
                case HOUSE_AND_HUKOU -> {
                    home = at(pickUnit(false));
                    hukouAddress = home;
                }
                case HOUSE_ONLY -> {
                    home = at(pickUnit(true));
                    hukouAddress = elsewhere(origin, r, r.nextInt(100) < 60);
                }
                case HUKOU_ONLY_RELATIVES -> {
                    home = at(pickUnit(false));
                    hukouAddress = home;
                }
                case HUKOU_ONLY_RENTING -> {
                    hukouAddress = at(pickUnit(false));
                    home = at(pickUnit(true));
                }
                case MIGRANT -> {
                    home = at(pickUnit(r.nextInt(100) < 85));
                    hukouAddress = elsewhere(origin, r, r.nextInt(100) < 70);
                }
                default -> {
                    home = at(pickUnit(true));
                    hukouAddress =
                            preferential == PreferentialKind.HIGH_LEVEL_TALENT ? home : elsewhere(origin, r, false);
                }
            }
            if (propertyDefect == DefectKind.PROPERTY_OUTSIDE_ZONES) {
                home = unzoned();
                if (scenario == FamilyScenario.HOUSE_AND_HUKOU) {
                    hukouAddress = home;
                }
            } else if (propertyDefect == DefectKind.PROPERTY_OUTSIDE_COUNTY) {
                RegionCatalog.Area other = reserved.isEmpty() ? county : reserved.get(d.nextInt(reserved.size()));
                home = elsewhere(other, d, false);
            }
            hukou(hukouAddress);
            property(home);
            return home;
        }

        private void property(HomeAddress home) {
            switch (scenario) {
                case HOUSE_AND_HUKOU, HOUSE_ONLY -> ownHome(
                        home, mainParent(), divorced ? null : spouseOf(mainParent()), r.nextInt(100) < 15);
                case HUKOU_ONLY_RELATIVES -> {
                    Person holder = grandpa != null ? grandpa : grandma;
                    ownHome(home, holder, holder == grandpa ? grandma : null, false);
                }
                case HUKOU_ONLY_RENTING -> {
                    if (r.nextInt(100) < 30) {
                        publicHousing(home);
                    } else {
                        lease(home);
                    }
                }
                case MIGRANT -> lease(home);
                default -> {
                    if (preferential == PreferentialKind.HIGH_LEVEL_TALENT) {
                        ownHome(home, mainParent(), divorced ? null : spouseOf(mainParent()), r.nextInt(100) < 60);
                    } else {
                        lease(home);
                    }
                }
            }
        }

        private Person spouseOf(Person p) {
            return p == father ? mother : father;
        }

        private void ownHome(HomeAddress home, Person holder, Person coOwner, boolean contractOnly) {
            boolean urban = !home.compound().endsWith("社");
            String regionCode = home.regionCode();
            int t = r.nextInt(100);
            String type = coOwner == null || t < 30 ? "单独所有" : t < 85 ? "共同共有" : "按份共有";
            String holderShare = null;
            List<CoOwner> coOwners = new ArrayList<>();
            if (type.equals("共同共有")) {
                coOwners.add(new CoOwner(coOwner.name(), coOwner.idNumber(), null));
            } else if (type.equals("按份共有")) {
                int share = 50 + 10 * r.nextInt(3);
                holderShare = share + "%";
                coOwners.add(new CoOwner(coOwner.name(), coOwner.idNumber(), (100 - share) + "%"));
            }
            LocalDate registered = asOf.minusDays(60 + r.nextInt(15 * 365));
            boolean withContract = urban && (contractOnly || r.nextBoolean());
            if (contractOnly && urban) {
                LocalDate deal = asOf.minusDays(400 + r.nextInt(500));
                contracts.add(contract(home, holder, type, holderShare, coOwners, deal));
                return;
            }
            if (withContract) {
                contracts.add(contract(
                        home, holder, type, holderShare, coOwners, registered.minusDays(360 + r.nextInt(360))));
            }
            RegionCatalog.Area area = regions.area(regionCode).orElse(county);
            String certificate = PROVINCE_ABBREVIATIONS.getOrDefault(area.provinceCode(), "甘") + "("
                    + registered.getYear() + ")" + area.name() + "不动产权第" + pad(7, r.nextInt(10_000_000))
                    + "号";
            titles.add(new RealEstateTitleRecord(
                    holder.name(),
                    holder.idNumber(),
                    certificate,
                    urban ? "国有建设用地使用权/房屋所有权" : "宅基地使用权/房屋（构筑物）所有权",
                    urban ? "出让/市场化商品房" : "批准拨用/自建房",
                    registered,
                    regionCode,
                    home.line(),
                    urban ? "成套住宅" : "农村宅基地住宅",
                    r.nextInt(100) < 85 ? "现势" : "抵押",
                    type,
                    holderShare,
                    List.copyOf(coOwners)));
        }

        private PurchaseContractRecord contract(
                HomeAddress home,
                Person buyer,
                String type,
                String holderShare,
                List<CoOwner> coOwners,
                LocalDate deal) {
            String ownership =
                    switch (type) {
                        case "按份共有" -> "按份共有（" + buyer.name() + holderShare + "，"
                                + coOwners.get(0).name() + coOwners.get(0).share() + "）";
                        case "共同共有" -> "共同共有（" + buyer.name() + "，"
                                + coOwners.get(0).name() + "）";
                        default -> "单独所有";
                    };
            return new PurchaseContractRecord(
                    home.regionCode() + "-" + deal.getYear() + "-" + pad(6, r.nextInt(1_000_000)),
                    buyer.name(),
                    buyer.idNumber(),
                    ownership,
                    deal,
                    deal.plusDays(180 + r.nextInt(180)),
                    home.regionCode(),
                    home.line(),
                    "住宅");
        }

        private void lease(HomeAddress home) {
            Sex sex = r.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            String region = r.nextInt(100) < 80 ? county.code() : nearby().code();
            Person owner = person(landlord, region, sex, ChineseNames.surname(r, false), index);
            LocalDate start = asOf.minusDays(30 + r.nextInt(3 * 365));
            LocalDate end = start.plusYears(1 + r.nextInt(3));
            while (!end.isAfter(asOf.plusDays(30))) {
                end = end.plusYears(1);
            }
            Person tenant = firstGuardianParent();
            rentals.add(new RentalRegistrationRecord(
                    countyStem + "租备" + start.getYear() + "-" + pad(6, r.nextInt(1_000_000)),
                    owner.name(),
                    owner.idNumber(),
                    tenant.name(),
                    tenant.idNumber(),
                    home.regionCode(),
                    home.line(),
                    "甘(" + (2008 + r.nextInt(15)) + ")" + county.name() + "不动产权第" + pad(7, r.nextInt(10_000_000)) + "号",
                    start,
                    end));
        }

        private void publicHousing(HomeAddress home) {
            LocalDate start = asOf.minusDays(60 + r.nextInt(4 * 365));
            LocalDate end = start.plusYears(3);
            while (!end.isAfter(asOf)) {
                end = end.plusYears(3);
            }
            String number = county.code() + "GZ" + start.getYear() + pad(5, r.nextInt(100_000));
            Person main = mainParent();
            List<Person> members = new ArrayList<>();
            members.add(main);
            if (!divorced) {
                members.add(spouseOf(main));
            }
            children.forEach(c -> members.add(c.person()));
            for (Person p : members) {
                String relation = p == main ? "本人" : p == father || p == mother ? "配偶" : "子女";
                affordable.add(new AffordableHousingRecord(
                        home.regionCode(),
                        home.line(),
                        relation,
                        p.name(),
                        p.idNumber(),
                        "履行中",
                        "审核通过",
                        start,
                        "公共租赁住房",
                        end,
                        number));
            }
        }

        private void hukou(HomeAddress address) {
            RegionCatalog.Area area = regions.area(address.regionCode()).orElse(county);
            String regionName = fullName(area);
            String authority = area.name() + "公安局";
            String household = pad(9, Math.floorMod(Mix.of(seed, index, 77), 1_000_000_000L));
            List<String[]> rows = new ArrayList<>();
            Person head;
            if (scenario == FamilyScenario.HUKOU_ONLY_RELATIVES) {
                head = grandpa != null ? grandpa : grandma;
                Person child = paternal ? father : mother;
                add(rows, head, "02", "户主");
                if (head == grandpa && grandma != null) {
                    add(rows, grandma, "12", "妻");
                }
                if (child == father) {
                    add(rows, father, "20", "子");
                    if (!divorced) {
                        add(rows, mother, "38", "儿媳");
                    }
                } else {
                    add(rows, mother, "30", "女");
                    if (!divorced) {
                        add(rows, father, "28", "女婿");
                    }
                }
                for (Child c : children) {
                    boolean boy = c.person().sex() == Sex.MALE;
                    add(
                            rows,
                            c.person(),
                            paternal ? (boy ? "41" : "42") : (boy ? "43" : "44"),
                            paternal ? (boy ? "孙子" : "孙女") : (boy ? "外孙子" : "外孙女"));
                }
            } else {
                head = mainParent();
                add(rows, head, "02", "户主");
                if (!divorced) {
                    Person spouse = spouseOf(head);
                    add(rows, spouse, spouse == mother ? "12" : "11", spouse == mother ? "妻" : "夫");
                }
                for (Child c : children) {
                    boolean boy = c.person().sex() == Sex.MALE;
                    add(rows, c.person(), boy ? "20" : "30", boy ? "子" : "女");
                }
                if (paternal && head == father) {
                    if (grandpa != null) {
                        add(rows, grandpa, "51", "父亲");
                    }
                    if (grandma != null) {
                        add(rows, grandma, "52", "母亲");
                    }
                }
            }
            for (String[] row : rows) {
                hukou.add(hukouRow(
                        personById(row[0]),
                        area,
                        regionName,
                        address.line(),
                        authority,
                        household,
                        head.name(),
                        row[1],
                        row[2]));
            }
            if (divorced) {
                Person other =
                        scenario == FamilyScenario.HUKOU_ONLY_RELATIVES ? (paternal ? mother : father) : spouseOf(head);
                RegionCatalog.Area otherArea =
                        regions.area(other.idNumber().substring(0, 6)).orElse(county);
                HomeAddress away = otherArea == county ? at(pickUnit(false)) : elsewhere(otherArea, r, true);
                RegionCatalog.Area awayArea = regions.area(away.regionCode()).orElse(county);
                hukou.add(hukouRow(
                        other,
                        awayArea,
                        fullName(awayArea),
                        away.line(),
                        awayArea.name() + "公安局",
                        pad(9, Math.floorMod(Mix.of(seed, index, 78), 1_000_000_000L)),
                        other.name(),
                        "02",
                        "户主"));
            }
        }

        private void add(List<String[]> rows, Person p, String code, String name) {
            byId.put(p.idNumber(), p);
            rows.add(new String[] {p.idNumber(), code, name});
        }

        private Person personById(String id) {
            return byId.get(id);
        }

        private HukouRecord hukouRow(
                Person p,
                RegionCatalog.Area area,
                String regionName,
                String address,
                String authority,
                String household,
                String householder,
                String code,
                String relation) {
            RegionCatalog.Area born = regions.area(p.idNumber().substring(0, 6)).orElse(area);
            RegionCatalog.Area ancestral =
                    regions.area(father.idNumber().substring(0, 6)).orElse(area);
            if (p == grandpa || p == grandma || p == mother) {
                ancestral = born;
            }
            return new HukouRecord(
                    p.idNumber(),
                    p.name(),
                    p.sex(),
                    p.birthDate(),
                    p.ethnicity(),
                    nativePlace(ancestral),
                    fullName(born),
                    area.code(),
                    regionName,
                    address,
                    authority,
                    "家庭户",
                    household,
                    householder,
                    code,
                    relation);
        }

        private void permits(HomeAddress home, boolean expired) {
            List<Person> holders = new ArrayList<>();
            switch (scenario) {
                case MIGRANT -> {
                    holders.add(firstGuardianParent());
                    if (!divorced && r.nextInt(100) < 60) {
                        holders.add(spouseOf(firstGuardianParent()));
                    }
                }
                case HOUSE_ONLY -> {
                    if (r.nextInt(100) < 35) {
                        holders.add(mainParent());
                    }
                }
                case PREFERENTIAL -> {
                    if (preferential == PreferentialKind.MILITARY) {
                        holders.add(divorced ? firstGuardianParent() : mother);
                    }
                }
                default -> {}
            }
            String hukouLocation = hukou.isEmpty() ? "" : hukou.get(0).address();
            for (int i = 0; i < holders.size(); i++) {
                Person p = holders.get(i);
                LocalDate issued = asOf.minusDays(1 + r.nextInt(330));
                LocalDate until = issued.plusYears(1);
                if (expired && i == 0) {
                    until = asOf.minusDays(1 + d.nextInt(240));
                    issued = until.minusYears(1);
                    defects.add(new Defect(DefectKind.EXPIRED_RESIDENCE_PERMIT, p.idNumber(), "居住证已于" + until + "过期"));
                }
                permits.add(new ResidencePermitRecord(
                        p.idNumber(),
                        p.name(),
                        p.sex(),
                        p.ethnicity(),
                        hukouLocation,
                        home.line(),
                        county.name() + "公安局",
                        issued,
                        until));
            }
        }

        private void work(boolean gap) {
            List<Person> insured = new ArrayList<>();
            boolean business = false;
            boolean enterprise = false;
            Person guardian = firstGuardianParent();
            Person other = divorced ? null : spouseOf(guardian);
            switch (scenario) {
                case MIGRANT -> {
                    int w = r.nextInt(100);
                    if (w < 75) {
                        insured.add(guardian);
                        if (other != null && r.nextBoolean()) {
                            insured.add(other);
                        }
                    } else {
                        business = true;
                        enterprise = w >= 95;
                    }
                }
                case PREFERENTIAL -> {
                    insured.add(preferential == PreferentialKind.HIGH_LEVEL_TALENT ? mainParent() : guardian);
                }
                default -> {
                    if (r.nextInt(100) < 55) {
                        insured.add(guardian);
                    }
                    if (other != null && r.nextInt(100) < 40) {
                        insured.add(other);
                    }
                    int w = r.nextInt(100);
                    business = w < 13;
                    enterprise = w < 3;
                }
            }
            for (int i = 0; i < insured.size(); i++) {
                insure(insured.get(i), gap && i == 0);
            }
            if (business) {
                Person operator = insured.contains(guardian) && other != null ? other : guardian;
                AddressUnit u = units[pickUnit(true)];
                String premises = countyFullName + townNames.get(u.townCode()) + u.community() + "临街商铺"
                        + (1 + r.nextInt(60)) + "号";
                LocalDate since = asOf.minusDays(200 + r.nextInt(10 * 365));
                if (enterprise) {
                    enterpriseLicences.add(new EnterpriseLicenceRecord(
                            PlaceNames.firm(r, county.name()),
                            CreditCodes.enterprise(county.code(), r),
                            r.nextBoolean() ? "有限责任公司（自然人独资）" : "有限责任公司（自然人投资或控股）",
                            operator.name(),
                            since,
                            premises,
                            county.code()));
                } else {
                    individualLicences.add(new IndividualBusinessLicenceRecord(
                            operator.name(),
                            operator.idNumber(),
                            CreditCodes.individualBusiness(county.code(), r),
                            since,
                            premises,
                            county.code()));
                }
            }
        }

        private void insure(Person p, boolean gap) {
            String employer = preferential == PreferentialKind.HIGH_LEVEL_TALENT && p == mainParent()
                    ? "兰州大学"
                    : PlaceNames.employer(r, county.name());
            boolean publicSector = employer.endsWith("大学") || !employer.contains("公司");
            int back = scenario == FamilyScenario.MIGRANT ? 6 + r.nextInt(55) : 12 + r.nextInt(61);
            if (gap) {
                back = Math.max(back, 30);
            }
            YearMonth first = lastPaidMonth.minusMonths(back - 1L);
            List<YearMonth> months = new ArrayList<>(back);
            int holeStart = -1;
            int holeLength = 0;
            if (gap) {
                holeLength = 2 + d.nextInt(5);
                holeStart = back - 23 + d.nextInt(23 - holeLength);
                defects.add(new Defect(
                        DefectKind.SOCIAL_INSURANCE_GAP,
                        p.idNumber(),
                        "近两年社保断缴" + holeLength + "个月（" + first.plusMonths(holeStart) + "起）"));
            }
            for (int m = 0; m < back; m++) {
                if (m < holeStart || m >= holeStart + holeLength) {
                    months.add(first.plusMonths(m));
                }
            }
            insurance.add(new SocialInsuranceRecord(
                    p.idNumber(), p.name(), employer, List.copyOf(months), publicSector ? "机关事业单位养老保险" : "企业职工基本养老保险"));
        }

        private void marriage() {
            LocalDate firstBirth = children.stream()
                    .map(c -> c.person().birthDate())
                    .min(LocalDate::compareTo)
                    .orElseThrow();
            LocalDate earliest = father.birthDate().plusYears(22);
            if (mother.birthDate().plusYears(20).isAfter(earliest)) {
                earliest = mother.birthDate().plusYears(20);
            }
            LocalDate latest = firstBirth.minusDays(90);
            long span = ChronoUnit.DAYS.between(earliest, latest);
            LocalDate registered = span > 0
                    ? earliest.plusDays(Math.max(0, span - 1 - r.nextInt((int) Math.min(span, 1500))))
                    : earliest;
            marriages.add(new MarriageRecord(
                    father.idNumber(),
                    father.name(),
                    mother.idNumber(),
                    mother.name(),
                    registered,
                    divorced ? "离婚" : "已婚"));
        }

        private void births() {
            for (Child c : children) {
                Person p = c.person();
                char letter = (char) ('A' + Math.floorMod(p.birthDate().getYear() - 1996, 26));
                String number = letter
                        + p.idNumber().substring(0, 2)
                        + pad(7, Math.floorMod(Mix.of(seed, p.idNumber()), 10_000_000L));
                births.add(new BirthCertificateRecord(
                        number,
                        p.name(),
                        p.birthDate(),
                        father.name(),
                        father.idNumber(),
                        mother.name(),
                        mother.idNumber()));
            }
        }
    }
}
