package org.oneenroll.simulator.population;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A county as the demo sees it: its real towns, generated address units, schools and catchment zones, and the
 * size of the population generated for it. Serialised by {@link LayoutJson} in the shape OneEnroll's demo
 * loader reads.
 *
 * @param seed         the layout seed
 * @param county       the county and its city and province
 * @param towns        the county's real towns (乡镇/街道), seat first
 * @param addressUnits every residential address unit
 * @param schools      public and private schools
 * @param zones        catchment zones: per stage, each address unit lies in exactly one
 * @param population   the population the seats were sized for
 */
@JsonbPropertyOrder({"seed", "county", "towns", "addressUnits", "schools", "zones", "population"})
public record CountyLayout(
        long seed,
        County county,
        List<Town> towns,
        List<AddressUnit> addressUnits,
        List<School> schools,
        List<Zone> zones,
        PopulationSummary population) {

    /** A county with its city and province; codes in the 6-digit GB/T 2260 form ("620100", "620000"). */
    @JsonbPropertyOrder({"code", "name", "cityCode", "cityName", "provinceCode", "provinceName"})
    public record County(
            String code, String name, String cityCode, String cityName, String provinceCode, String provinceName) {

        /** "甘肃省兰州市榆中县". */
        public String fullName() {
            return provinceName + (RegionCatalog.placeholderCity(cityName) ? "" : cityName) + name;
        }
    }

    /** A real town, township or street office of the county (9-digit code). */
    @JsonbPropertyOrder({"code", "name"})
    public record Town(String code, String name) {}

    /**
     * The smallest addressable area a zone is made of: a compound (小区) of an urban community (社区), or a
     * village group (社) of a village (村).
     *
     * @param code      "620123100-003-02": town code, community number, compound number
     * @param townCode  the town
     * @param community 社区 or 村
     * @param compound  小区 or 社
     */
    @JsonbPropertyOrder({"code", "townCode", "community", "compound"})
    public record AddressUnit(String code, String townCode, String community, String compound) {

        /** An urban compound (in a 社区) rather than a village group. */
        public boolean urban() {
            return community.endsWith("社区");
        }
    }

    /**
     * A school.
     *
     * @param code        10-digit school code (county code + 4 digits)
     * @param name        full name ("榆中县城关第一小学")
     * @param ownership   public or private
     * @param stages      stages taught; both for a 九年一贯制 school
     * @param townCode    town of the school's address
     * @param community   community of the school's address
     * @param compound    compound of the school's address, usually {@code null}
     * @param addressLine address within the county ("城关镇东关社区栖云北路12号")
     * @param seats       entry-year seats (学位) per stage
     * @param classes     entry-year classes per stage
     * @param phone       admissions landline ("0931-5221234")
     */
    @JsonbPropertyOrder({
        "code",
        "name",
        "ownership",
        "stages",
        "townCode",
        "community",
        "compound",
        "addressLine",
        "seats",
        "classes",
        "phone"
    })
    public record School(
            String code,
            String name,
            Ownership ownership,
            List<Stage> stages,
            String townCode,
            String community,
            String compound,
            String addressLine,
            Map<Stage, Integer> seats,
            Map<Stage, Integer> classes,
            String phone) {

        public boolean teaches(Stage stage) {
            return stages.contains(stage);
        }
    }

    /**
     * A catchment zone (招生片区) of one stage: a set of address units served by one or more public schools.
     *
     * @param code        "620123-P-01" (P primary, J junior)
     * @param name        "城关第一小学学区"
     * @param stage       the stage it admits to
     * @param schoolCodes the public schools that serve it (more than one means 多校划片)
     * @param unitCodes   its address units
     */
    @JsonbPropertyOrder({"code", "name", "stage", "schoolCodes", "unitCodes"})
    public record Zone(String code, String name, Stage stage, List<String> schoolCodes, List<String> unitCodes) {}

    /**
     * The population generated for the county, so that seats can be compared with eligible children.
     *
     * @param families        number of families
     * @param seed            population seed
     * @param planYear        the intake the population was generated for (its applicants' ages); 0 when none was
     * @param childrenByStage applicants per stage
     */
    @JsonbPropertyOrder({"families", "seed", "planYear", "childrenByStage"})
    public record PopulationSummary(long families, long seed, int planYear, Map<Stage, Long> childrenByStage) {}

    /** The zones of one stage. */
    public List<Zone> zones(Stage stage) {
        return zones.stream().filter(z -> z.stage() == stage).toList();
    }

    /** The zone of {@code stage} that contains the address unit. */
    public Optional<Zone> zoneOf(String unitCode, Stage stage) {
        return zones.stream()
                .filter(z -> z.stage() == stage && z.unitCodes().contains(unitCode))
                .findFirst();
    }

    public Optional<School> school(String code) {
        return schools.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<Town> town(String code) {
        return towns.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** This layout with a different population summary (seats are not resized). */
    public CountyLayout withPopulation(PopulationSummary summary) {
        return new CountyLayout(seed, county, towns, addressUnits, schools, zones, summary);
    }
}
