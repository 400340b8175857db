package org.oneenroll.verification.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.simulator.govdata.RecordLookup;
import org.oneenroll.simulator.govdata.Source;
import org.oneenroll.simulator.population.Adult;
import org.oneenroll.simulator.population.Child;
import org.oneenroll.simulator.population.CountyLayout;
import org.oneenroll.simulator.population.CountyLayoutGenerator;
import org.oneenroll.simulator.population.DefectRates;
import org.oneenroll.simulator.population.Family;
import org.oneenroll.simulator.population.FamilyScenario;
import org.oneenroll.simulator.population.HomeAddress;
import org.oneenroll.simulator.population.PopulationGenerator;
import org.oneenroll.simulator.population.PreferentialKind;
import org.oneenroll.simulator.population.RealEstateTitleRecord;
import org.oneenroll.simulator.population.RegionCatalog;
import org.oneenroll.simulator.population.ResidencePermitRecord;
import org.oneenroll.verification.control.SourceFanOut.Question;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPermit;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.EligibilityThresholds;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.PreferentialClaim;
import org.oneenroll.verification.entity.Relation;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.SourceOutcome;
import org.oneenroll.verification.entity.ZoneUnits;

/**
 * The simulator's families as OneEnroll sees them: the plan of the generated county, each family's declaration
 * as a parent would type it, and the answers the platform would give, taken from {@link RecordLookup} (no HTTP).
 */
final class SimulatedFamilies {

    static final int PLAN_YEAR = 2026;

    final CountyLayout layout;
    final PopulationGenerator generator;
    final RecordLookup lookup;
    private final Map<String, List<Map<String, Object>>> found = new ConcurrentHashMap<>();

    SimulatedFamilies(long seed, int families, DefectRates rates) {
        this.layout = new CountyLayoutGenerator().generate("620123", 2026, 16, 30);
        this.generator = new PopulationGenerator(layout, RegionCatalog.load(), seed, PLAN_YEAR, rates);
        this.lookup = new RecordLookup(generator, families);
    }

    /** The platform's "today": validity and leases are judged on it. */
    LocalDate checkDate() {
        return generator.asOf();
    }

    PlanContext plan(Stage stage, EligibilityThresholds thresholds, Set<GovernmentSource> shared) {
        RegionCode county = RegionCode.of(layout.county().code());
        Map<String, CountyLayout.AddressUnit> units = new HashMap<>();
        layout.addressUnits().forEach(u -> units.put(u.code(), u));
        List<ZoneUnits> zones = new ArrayList<>();
        org.oneenroll.simulator.population.Stage simStage =
                org.oneenroll.simulator.population.Stage.valueOf(stage.name());
        for (CountyLayout.Zone z : layout.zones(simStage)) {
            List<String> keys = new ArrayList<>();
            for (String code : z.unitCodes()) {
                CountyLayout.AddressUnit u = units.get(code);
                keys.add(Address.of(county, u.townCode(), u.community(), u.compound(), null, null)
                        .unitKey());
            }
            zones.add(new ZoneUnits(z.code(), z.name(), Set.copyOf(keys)));
        }
        Map<String, String> towns = new LinkedHashMap<>();
        layout.towns().forEach(t -> towns.put(t.code(), t.name()));
        return new PlanContext(
                PLAN_YEAR,
                stage,
                county,
                layout.county().name(),
                layout.county().fullName(),
                towns,
                zones,
                shared,
                thresholds);
    }

    /** What a parent types for {@code applicant}: names and numbers, the home, the permit as printed on it. */
    static Declaration declare(Family f, Child applicant, PlanContext plan) {
        boolean local =
                switch (f.scenario()) {
                    case HOUSE_AND_HUKOU, HUKOU_ONLY_RELATIVES, HUKOU_ONLY_RENTING -> true;
                    case PREFERENTIAL -> f.preferential() == PreferentialKind.HIGH_LEVEL_TALENT;
                    default -> false;
                };
        boolean divorced =
                f.records().marriages().stream().anyMatch(m -> m.status().equals("离婚"));
        List<DeclaredPerson> guardians =
                f.guardians().stream().map(SimulatedFamilies::person).toList();
        List<DeclaredPerson> members = new ArrayList<>();
        for (Adult a : f.adults()) {
            boolean parent = relation(a).parent();
            if (!a.guardian() && !(divorced && parent)) {
                members.add(person(a));
            }
        }
        List<DeclaredPermit> permits = new ArrayList<>();
        DeclaredPerson applying = guardians.get(0);
        if (!local) {
            for (ResidencePermitRecord p : f.records().residencePermits()) {
                if (p.idNumber().equals(applying.idNumber())) {
                    permits.add(new DeclaredPermit(
                            p.idNumber(), p.issueDate(), p.validUntil(), p.issuingAuthority(), p.residenceAddress()));
                }
            }
        }
        List<String> parents = new ArrayList<>();
        guardians.stream().filter(p -> p.relation().parent()).forEach(p -> parents.add(p.idNumber()));
        members.stream().filter(p -> p.relation().parent()).forEach(p -> parents.add(p.idNumber()));
        String certificate = null;
        for (RealEstateTitleRecord t : f.records().realEstateTitles()) {
            if (parents.contains(t.holderIdNumber())
                    || t.coOwners().stream().anyMatch(c -> parents.contains(c.idNumber()))) {
                certificate = t.certificateNumber();
                break;
            }
        }
        PreferentialClaim claim =
                switch (f.preferential()) {
                    case NONE -> PreferentialClaim.NONE;
                    case HIGH_LEVEL_TALENT -> PreferentialClaim.HIGH_LEVEL_TALENT;
                    case MILITARY -> PreferentialClaim.OTHER;
                };
        HomeAddress h = f.home();
        Address home =
                Address.of(RegionCode.of(h.regionCode()), h.townCode(), h.community(), h.compound(), null, h.detail());
        return new Declaration(
                local ? ApplicationType.LOCAL : ApplicationType.NON_LOCAL,
                new DeclaredPerson(applicant.person().name(), applicant.person().idNumber(), Relation.CHILD),
                guardians,
                members,
                home,
                permits,
                certificate,
                claim,
                plan);
    }

    static DeclaredPerson person(Adult a) {
        return new DeclaredPerson(a.person().name(), a.person().idNumber(), relation(a));
    }

    static Relation relation(Adult a) {
        return switch (a.kinship()) {
            case FATHER -> Relation.FATHER;
            case MOTHER -> Relation.MOTHER;
            case GRANDFATHER -> Relation.GRANDFATHER;
            case GRANDMOTHER -> Relation.GRANDMOTHER;
            case MATERNAL_GRANDFATHER -> Relation.MATERNAL_GRANDFATHER;
            case MATERNAL_GRANDMOTHER -> Relation.MATERNAL_GRANDMOTHER;
        };
    }

    /** The answers the platform would give, FOUND or NO_RECORD, straight from the records. */
    List<SourceAnswer> answers(List<Question> questions) {
        List<SourceAnswer> out = new ArrayList<>(questions.size());
        for (Question q : questions) {
            List<Map<String, Object>> rows = found.computeIfAbsent(
                    q.source().slug() + "|" + q.idNumber(),
                    k -> lookup.find(Source.bySlug(q.source().slug()).orElseThrow(), q.idNumber()));
            out.add(new SourceAnswer(
                    q.source(),
                    rows.isEmpty() ? SourceOutcome.NO_RECORD : SourceOutcome.FOUND,
                    null,
                    rows,
                    0,
                    "test-" + q.source().slug(),
                    Instant.EPOCH,
                    Duration.ZERO,
                    1,
                    null));
        }
        return out;
    }

    /** The category the rules should derive for a family built for {@code scenario}. */
    static FamilyCategory expected(FamilyScenario scenario) {
        return switch (scenario) {
            case HOUSE_AND_HUKOU -> FamilyCategory.HOUSE_AND_HUKOU;
            case HOUSE_ONLY -> FamilyCategory.HOUSE_ONLY;
            case HUKOU_ONLY_RELATIVES -> FamilyCategory.HUKOU_ONLY_RELATIVE;
            case HUKOU_ONLY_RENTING -> FamilyCategory.HUKOU_ONLY_RENTING;
            case MIGRANT -> FamilyCategory.MIGRANT;
            case PREFERENTIAL -> FamilyCategory.PREFERENTIAL;
        };
    }
}
