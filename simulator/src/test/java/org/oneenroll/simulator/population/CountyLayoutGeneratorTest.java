package org.oneenroll.simulator.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneenroll.simulator.population.CountyLayout.AddressUnit;
import org.oneenroll.simulator.population.CountyLayout.School;
import org.oneenroll.simulator.population.CountyLayout.Zone;

/**
 * The demo county as its users see it: real towns, schools, zones that cover it once, and the JSON the loader
 * reads.
 */
class CountyLayoutGeneratorTest {

    private final CountyLayoutGenerator cut = new CountyLayoutGenerator();

    @Test
    void usesTheCountysRealTownsWithTheSeatFirst() {
        CountyLayout layout = cut.generate("620123", 2026, 16, 30);
        assertEquals(new CountyLayout.County("620123", "榆中县", "620100", "兰州市", "620000", "甘肃省"), layout.county());
        assertEquals(20, layout.towns().size());
        assertEquals(new CountyLayout.Town("620123100", "城关镇"), layout.towns().get(0));
        assertTrue(layout.towns().contains(new CountyLayout.Town("620123214", "哈岘乡")));
    }

    @Test
    void hasEnoughSchoolsAndZonesWithRealisticNamesCodesAndPhones() {
        CountyLayout layout = cut.generate("620123", 2026, 10, 20);
        assertTrue(layout.schools().size() >= 10);
        assertTrue(layout.zones().size() >= 20);
        Set<String> codes = new HashSet<>();
        for (School s : layout.schools()) {
            assertTrue(s.code().matches("620123\\d{4}"), s.code());
            assertTrue(codes.add(s.code()), "duplicate code " + s.code());
            assertTrue(s.name().startsWith("榆中县"), s.name());
            assertTrue(s.phone().matches("0931-\\d{7}"), s.phone());
            assertTrue(layout.town(s.townCode()).isPresent());
            assertTrue(s.addressLine()
                    .startsWith(layout.town(s.townCode()).orElseThrow().name() + s.community()));
        }
        assertTrue(layout.school("6201231001").orElseThrow().name().equals("榆中县城关第一小学"));
        assertEquals(
                2,
                layout.schools().stream()
                        .filter(s -> s.ownership() == Ownership.PRIVATE)
                        .count());
        assertTrue(
                layout.schools().stream().anyMatch(s -> s.stages().size() == 2 && s.ownership() == Ownership.PUBLIC),
                "a public 九年一贯制 school");
        assertTrue(layout.schools().stream().anyMatch(s -> s.name().endsWith("镇中心小学")));
        assertTrue(layout.schools().stream().anyMatch(s -> s.name().equals("榆中县第二中学")));
    }

    @Test
    void everyAddressUnitIsInExactlyOneZonePerStage() {
        assertPartition(cut.generate("620123", 2026, 16, 30));
    }

    @Test
    void publicSchoolsServeZonesAndPrivateSchoolsNone() {
        CountyLayout layout = cut.generate("620123", 2026, 16, 30);
        for (School s : layout.schools()) {
            for (Stage stage : s.stages()) {
                boolean zoned = layout.zones(stage).stream()
                        .anyMatch(z -> z.schoolCodes().contains(s.code()));
                assertEquals(s.ownership() == Ownership.PUBLIC, zoned, s.name() + " " + stage);
                assertTrue(s.seats().get(stage) > 0);
                assertEquals(
                        s.classes().get(stage) * CountyLayoutGenerator.CLASS_SIZE.get(stage),
                        s.seats().get(stage));
            }
        }
        for (Zone z : layout.zones()) {
            assertTrue(z.name().endsWith("学区"), z.name());
            assertTrue(z.code().matches("620123-[PJ]-\\d{2}"), z.code());
        }
    }

    @Test
    void addressUnitsAreCompoundsOfCommunitiesOrGroupsOfVillages() {
        CountyLayout layout = cut.generate("620123", 2026, 16, 30);
        Set<String> seen = new HashSet<>();
        for (AddressUnit u : layout.addressUnits()) {
            assertTrue(u.code().matches(u.townCode() + "-\\d{3}-\\d{2}"), u.code());
            assertTrue(seen.add(u.townCode() + u.community() + u.compound()), "ambiguous address " + u);
            assertTrue(u.community().endsWith("社区") || u.community().endsWith("村"), u.community());
        }
        assertTrue(layout.addressUnits().stream().anyMatch(u -> u.townCode().equals("620123100") && u.urban()));
        assertTrue(layout.addressUnits().stream().anyMatch(u -> u.townCode().equals("620123214") && !u.urban()));
        assertTrue(layout.addressUnits().stream()
                        .map(AddressUnit::townCode)
                        .distinct()
                        .count()
                == 20);
    }

    @Test
    void sameSeedGivesIdenticalJsonAndAnotherSeedDoesNot() {
        String a = LayoutJson.toJson(cut.generate("620123", 2026, 16, 30));
        String b = LayoutJson.toJson(new CountyLayoutGenerator().generate("620123", 2026, 16, 30));
        String c = LayoutJson.toJson(cut.generate("620123", 2027, 16, 30));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void jsonHasTheShapeTheDemoLoaderReads() {
        CountyLayout layout = cut.generate("620123", 2026, 16, 30, 300, 2026, 2026);
        String json = LayoutJson.toJson(layout);
        JsonObject o;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            o = reader.readObject();
        }
        assertEquals(
                List.of("seed", "county", "towns", "addressUnits", "schools", "zones", "population"),
                new ArrayList<>(o.keySet()));
        assertEquals(
                List.of("code", "name", "cityCode", "cityName", "provinceCode", "provinceName"),
                new ArrayList<>(o.getJsonObject("county").keySet()));
        JsonObject school = o.getJsonArray("schools").getJsonObject(0);
        assertEquals(
                List.of(
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
                        "phone"),
                new ArrayList<>(school.keySet()));
        assertTrue(school.isNull("compound"));
        assertEquals(
                layout.schools().get(0).seats().get(Stage.PRIMARY),
                school.getJsonObject("seats").getInt("PRIMARY"));
        assertEquals(
                List.of("code", "townCode", "community", "compound"),
                new ArrayList<>(o.getJsonArray("addressUnits").getJsonObject(0).keySet()));
        assertEquals(
                List.of("code", "name", "stage", "schoolCodes", "unitCodes"),
                new ArrayList<>(o.getJsonArray("zones").getJsonObject(0).keySet()));
        JsonObject population = o.getJsonObject("population");
        assertEquals(List.of("families", "seed", "planYear", "childrenByStage"), new ArrayList<>(population.keySet()));
        assertEquals(300, population.getInt("families"));
        assertEquals(layout, LayoutJson.fromJson(json));
    }

    @Test
    void populationSummaryCountsTheGeneratedChildrenAndSeatsRoughlyMatchThem() {
        CountyLayout layout = cut.generate("620123", 2026, 16, 30, 3000, 11, 2026);
        PopulationCensus census = PopulationCensus.of(
                new PopulationGenerator(layout, RegionCatalog.load(), 11, 2026, DefectRates.defaults()), 3000);
        assertEquals(3000, layout.population().families());
        assertEquals(11, layout.population().seed());
        assertEquals(census.childrenByStage(), layout.population().childrenByStage());
        for (Stage stage : Stage.values()) {
            long seats = layout.schools().stream()
                    .mapToLong(s -> s.seats().getOrDefault(stage, 0))
                    .sum();
            long children = census.childrenByStage().get(stage);
            assertTrue(
                    seats > children * 0.9 && seats < children * 1.5,
                    stage + ": " + seats + " seats for " + children + " children");
        }
        String seatTown = layout.towns().get(0).code();
        assertTrue(
                layout.schools().stream()
                        .filter(s -> s.ownership() == Ownership.PUBLIC
                                && s.townCode().equals(seatTown)
                                && s.teaches(Stage.PRIMARY))
                        .anyMatch(s -> {
                            long demand = layout.zones(Stage.PRIMARY).stream()
                                    .filter(z -> z.schoolCodes().contains(s.code()))
                                    .flatMap(z -> z.unitCodes().stream())
                                    .mapToLong(u -> census.children(u, Stage.PRIMARY))
                                    .sum();
                            return s.seats().get(Stage.PRIMARY) < demand;
                        }),
                "county-seat schools are oversubscribed, so the lottery and reallocation have work");
    }

    @Test
    void refusesUnknownCountiesAndTooFewSchoolsOrZones() {
        assertThrows(IllegalArgumentException.class, () -> cut.generate("999999", 1, 16, 30));
        assertThrows(IllegalArgumentException.class, () -> cut.generate("620123", 1, 9, 30));
        assertThrows(IllegalArgumentException.class, () -> cut.generate("620123", 1, 16, 19));
    }

    @Test
    void worksForACityDistrictMadeOfStreetOffices() {
        CountyLayout layout = cut.generate("620102", 5, 12, 24);
        assertEquals("城关区", layout.county().name());
        assertPartition(layout);
        assertFalse(layout.addressUnits().isEmpty());
    }

    private static void assertPartition(CountyLayout layout) {
        Set<String> units = new HashSet<>();
        layout.addressUnits().forEach(u -> units.add(u.code()));
        for (Stage stage : Stage.values()) {
            Map<String, Integer> count = new HashMap<>();
            for (Zone z : layout.zones(stage)) {
                assertFalse(z.unitCodes().isEmpty(), z.code());
                assertFalse(z.schoolCodes().isEmpty(), z.code());
                z.unitCodes().forEach(u -> count.merge(u, 1, Integer::sum));
            }
            assertEquals(units, count.keySet(), stage + " covers every unit");
            assertTrue(count.values().stream().allMatch(n -> n == 1), stage + " zones overlap");
        }
    }
}
