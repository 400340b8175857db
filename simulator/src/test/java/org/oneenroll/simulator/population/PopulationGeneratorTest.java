package org.oneenroll.simulator.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The population as OneEnroll and its tests see it: reproducible, eligible, consistent across sources, defects as
 * configured.
 */
class PopulationGeneratorTest {

    private static final int YEAR = 2026;

    private final CountyLayout layout = new CountyLayoutGenerator().generate("620123", 2026, 16, 30);
    private final PopulationGenerator cut =
            new PopulationGenerator(layout, RegionCatalog.load(), 7, YEAR, DefectRates.defaults());

    private byte[] ndjson(PopulationGenerator generator, int families, int threads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PopulationExport.writeNdjson(generator, families, out, threads);
        return out.toByteArray();
    }

    @Test
    void sameSeedGivesByteIdenticalNdjsonWhateverTheThreadCount() {
        byte[] first = ndjson(cut, 200, 1);
        CountyLayout sameLayout = new CountyLayoutGenerator().generate("620123", 2026, 16, 30);
        PopulationGenerator again =
                new PopulationGenerator(sameLayout, RegionCatalog.load(), 7, YEAR, DefectRates.defaults());
        assertArrayEquals(first, ndjson(again, 200, 4));
        assertEquals(
                200,
                new String(first, java.nio.charset.StandardCharsets.UTF_8)
                        .lines()
                        .count());
    }

    @Test
    void anotherSeedGivesAnotherPopulation() {
        PopulationGenerator other =
                new PopulationGenerator(layout, RegionCatalog.load(), 8, YEAR, DefectRates.defaults());
        assertFalse(java.util.Arrays.equals(ndjson(cut, 200, 1), ndjson(other, 200, 1)));
        assertNotEquals(
                cut.family(0).adults().get(0).person().idNumber(),
                other.family(0).adults().get(0).person().idNumber());
    }

    @Test
    void aFamilyIsTheSameWhetherStreamedOrRegeneratedAlone() {
        List<Family> streamed = cut.families(300).toList();
        assertEquals(streamed.get(250), cut.family(250));
        assertEquals(250, streamed.get(250).index());
    }

    @Test
    void identityNumbersAreValidUniqueAndMatchTheirPerson() {
        Set<String> ids = new HashSet<>();
        cut.families(20_000).forEach(f -> {
            for (Person p : people(f)) {
                assertTrue(IdentityNumbers.isValid(p.idNumber()), p.idNumber());
                assertEquals(p.birthDate(), IdentityNumbers.birthDate(p.idNumber()), p.idNumber());
                assertEquals(p.sex(), IdentityNumbers.sex(p.idNumber()), p.idNumber());
                assertTrue(
                        RegionCatalog.load().area(p.idNumber().substring(0, 6)).isPresent(), p.idNumber());
                assertTrue(ids.add(p.idNumber()), "duplicate " + p.idNumber());
            }
            for (RentalRegistrationRecord r : f.records().rentalRegistrations()) {
                assertTrue(IdentityNumbers.isValid(r.landlordIdNumber()));
                assertTrue(ids.add(r.landlordIdNumber()), "duplicate landlord " + r.landlordIdNumber());
            }
        });
    }

    @Test
    void primaryApplicantsAreExactlySixBy31AugustAndJuniorsAreTwelve() {
        LocalDate cutoff = LocalDate.of(YEAR, 8, 31);
        cut.families(5000).forEach(f -> {
            assertFalse(f.applicants().isEmpty());
            for (Child c : f.children()) {
                int age =
                        java.time.Period.between(c.person().birthDate(), cutoff).getYears();
                switch (c.role()) {
                    case PRIMARY_APPLICANT -> assertEquals(6, age, c.person().toString());
                    case JUNIOR_APPLICANT -> assertEquals(12, age, c.person().toString());
                    case YOUNGER_SIBLING -> assertTrue(
                            age < 6 && c.person().birthDate().isBefore(cut.asOf()));
                }
            }
            assertTrue(f.children().stream()
                            .filter(c -> c.role() == ChildRole.PRIMARY_APPLICANT)
                            .count()
                    <= 1);
        });
    }

    @Test
    void primaryWindowEdgesAreBothReached() {
        List<LocalDate> births = cut.families(20_000)
                .flatMap(f -> f.applicant(Stage.PRIMARY).stream())
                .map(c -> c.person().birthDate())
                .toList();
        assertEquals(
                LocalDate.of(YEAR - 7, 9, 1),
                births.stream().min(LocalDate::compareTo).orElseThrow());
        assertEquals(
                LocalDate.of(YEAR - 6, 8, 31),
                births.stream().max(LocalDate::compareTo).orElseThrow());
    }

    @Test
    void homesAreLayoutUnitsEachInOneZonePerStageUnlessThePropertyDefectMovedThem() {
        Set<String> units = new HashSet<>();
        layout.addressUnits().forEach(u -> units.add(u.code()));
        Map<String, Integer> zonesPerUnit = new HashMap<>();
        layout.zones().forEach(z -> z.unitCodes().forEach(u -> zonesPerUnit.merge(u, 1, Integer::sum)));
        cut.families(5000).forEach(f -> {
            HomeAddress home = f.home();
            if (f.hasDefect(DefectKind.PROPERTY_OUTSIDE_ZONES) || f.hasDefect(DefectKind.PROPERTY_OUTSIDE_COUNTY)) {
                assertNull(home.unitCode());
                assertEquals(
                        f.hasDefect(DefectKind.PROPERTY_OUTSIDE_ZONES),
                        home.regionCode().equals("620123"));
            } else {
                assertTrue(units.contains(home.unitCode()), home.toString());
                assertEquals(Stage.values().length, zonesPerUnit.get(home.unitCode()));
                assertTrue(home.line().startsWith("甘肃省兰州市榆中县"), home.line());
            }
        });
    }

    @Test
    void defectSharesAreWithinToleranceOnTwentyThousandFamilies() {
        DefectRates rates = DefectRates.defaults();
        Map<DefectKind, int[]> counts = new EnumMap<>(DefectKind.class);
        for (DefectKind k : DefectKind.values()) {
            counts.put(k, new int[2]);
        }
        cut.families(20_000).forEach(f -> {
            boolean owns = f.scenario() == FamilyScenario.HOUSE_AND_HUKOU || f.scenario() == FamilyScenario.HOUSE_ONLY;
            tally(
                    counts,
                    f,
                    DefectKind.EXPIRED_RESIDENCE_PERMIT,
                    !f.records().residencePermits().isEmpty());
            tally(counts, f, DefectKind.PROPERTY_OUTSIDE_ZONES, owns);
            tally(counts, f, DefectKind.PROPERTY_OUTSIDE_COUNTY, owns);
            tally(
                    counts,
                    f,
                    DefectKind.SOCIAL_INSURANCE_GAP,
                    !f.records().socialInsurance().isEmpty());
            tally(counts, f, DefectKind.MISSING_HUKOU_RECORD, true);
            tally(counts, f, DefectKind.MISSING_BIRTH_CERTIFICATE, true);
            tally(counts, f, DefectKind.RARE_CHARACTER_NAME, true);
        });
        for (DefectKind k : DefectKind.values()) {
            int hits = counts.get(k)[0];
            int applicable = counts.get(k)[1];
            double p = rates.rate(k);
            double sigma = Math.sqrt(applicable * p * (1 - p));
            assertTrue(applicable > 1000, k + " applies to " + applicable);
            assertTrue(Math.abs(hits - applicable * p) < 4 * sigma + 1, k + ": " + hits + " of " + applicable);
        }
    }

    private static void tally(Map<DefectKind, int[]> counts, Family f, DefectKind kind, boolean applicable) {
        if (f.hasDefect(kind)) {
            assertTrue(applicable, kind + " on a family it cannot apply to");
            counts.get(kind)[0]++;
        }
        if (applicable) {
            counts.get(kind)[1]++;
        }
    }

    @Test
    void cleanRatesInjectNothingAndChangingOneRateChangesOnlyThatDefect() {
        PopulationGenerator clean = new PopulationGenerator(layout, RegionCatalog.load(), 7, YEAR, DefectRates.none());
        PopulationGenerator allRare = new PopulationGenerator(
                layout, RegionCatalog.load(), 7, YEAR, DefectRates.none().with(DefectKind.RARE_CHARACTER_NAME, 1.0));
        for (int i = 0; i < 500; i++) {
            Family f = clean.family(i);
            assertTrue(f.defects().isEmpty());
            Family rare = allRare.family(i);
            assertEquals(
                    List.of(DefectKind.RARE_CHARACTER_NAME),
                    rare.defects().stream().map(Defect::kind).toList());
            Defect d = rare.defects().get(0);
            Person renamed = people(rare).stream()
                    .filter(p -> p.idNumber().equals(d.subjectIdNumber()))
                    .findFirst()
                    .orElseThrow();
            assertTrue(ChineseNames.hasRareCharacter(renamed.name()), renamed.name());
            assertEquals(f.scenario(), rare.scenario());
            assertEquals(f.home(), rare.home());
            assertEquals(
                    people(f).stream().map(Person::idNumber).toList(),
                    people(rare).stream().map(Person::idNumber).toList());
        }
    }

    @Test
    void rareCharactersSurviveTheNdjsonRoundTrip() {
        PopulationGenerator allRare = new PopulationGenerator(
                layout, RegionCatalog.load(), 7, YEAR, DefectRates.none().with(DefectKind.RARE_CHARACTER_NAME, 1.0));
        int supplementary = 0;
        for (int i = 0; i < 200; i++) {
            Family f = allRare.family(i);
            String line = new String(PopulationExport.line(f), java.nio.charset.StandardCharsets.UTF_8);
            jakarta.json.JsonObject o;
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(line))) {
                o = reader.readObject();
            }
            Set<String> names = new HashSet<>();
            o.getJsonArray("adults")
                    .forEach(a ->
                            names.add(a.asJsonObject().getJsonObject("person").getString("name")));
            o.getJsonArray("children")
                    .forEach(c ->
                            names.add(c.asJsonObject().getJsonObject("person").getString("name")));
            for (Person p : people(f)) {
                assertTrue(names.contains(p.name()), p.name());
                if (p.name().codePoints().anyMatch(cp -> cp > 0xFFFF)) {
                    supplementary++;
                }
            }
        }
        assertTrue(supplementary > 100, "most rare characters lie outside the BMP: " + supplementary);
    }

    @Test
    void birthCertificatesNameTheFamilysParentsAndEveryChild() {
        cut.families(5000).forEach(f -> {
            Person father = f.parent(Kinship.FATHER);
            Person mother = f.parent(Kinship.MOTHER);
            for (BirthCertificateRecord b : f.records().birthCertificates()) {
                assertEquals(father.idNumber(), b.fatherIdNumber());
                assertEquals(father.name(), b.fatherName());
                assertEquals(mother.idNumber(), b.motherIdNumber());
                assertEquals(mother.name(), b.motherName());
                assertTrue(b.certificateNumber().matches("[A-Z]\\d{9}"), b.certificateNumber());
            }
            for (Child c : f.children()) {
                boolean found = f.records().birthCertificates().stream()
                        .anyMatch(b -> b.childName().equals(c.person().name())
                                && b.birthDate().equals(c.person().birthDate()));
                boolean removed = f.defects().stream()
                        .anyMatch(d -> d.kind() == DefectKind.MISSING_BIRTH_CERTIFICATE
                                && d.subjectIdNumber().equals(c.person().idNumber()));
                assertEquals(!removed, found, c.person().name());
            }
            MarriageRecord m = f.records().marriages().get(0);
            assertEquals(father.idNumber(), m.husbandIdNumber());
            assertEquals(mother.idNumber(), m.wifeIdNumber());
            assertTrue(m.registrationDate()
                    .isAfter(father.birthDate().plusYears(22).minusDays(1)));
            assertTrue(m.registrationDate()
                    .isAfter(mother.birthDate().plusYears(20).minusDays(1)));
        });
    }

    @Test
    void guardiansAreOneOrTwoOfTheFamilysAdultsWithMobilePhones() {
        Set<String> mobiles = new HashSet<>();
        cut.families(5000).forEach(f -> {
            List<Adult> guardians = f.guardians();
            assertTrue(guardians.size() == 1 || guardians.size() == 2, f.index() + ": " + guardians.size());
            assertTrue(f.adults().get(0).guardian());
            assertNotNull(f.parent(Kinship.FATHER));
            for (Adult a : f.adults()) {
                assertTrue(a.mobile().matches("1[3-9]\\d{9}"), a.mobile());
                assertTrue(ChineseNames.validMobilePrefix(a.mobile()), a.mobile());
                assertTrue(mobiles.add(a.mobile()), "shared mobile " + a.mobile());
            }
        });
    }

    @Test
    void everyHukouHouseholdHasItsHouseholderAndLocalsAreRegisteredInTheCounty() {
        cut.families(5000).forEach(f -> {
            Map<String, List<HukouRecord>> households =
                    f.records().hukou().stream().collect(Collectors.groupingBy(HukouRecord::householdNumber));
            for (List<HukouRecord> rows : households.values()) {
                String head = rows.get(0).householderName();
                assertTrue(rows.stream().allMatch(r -> r.householderName().equals(head)));
                assertEquals(
                        1,
                        rows.stream()
                                .filter(r -> r.relationCode().equals("02")
                                        && r.name().equals(head))
                                .count(),
                        "householder row in household of " + head);
                assertEquals(
                        1, rows.stream().map(HukouRecord::address).distinct().count());
            }
            Person applicant = f.applicants().get(0).person();
            boolean hukouMissing = f.hasDefect(DefectKind.MISSING_HUKOU_RECORD);
            HukouRecord childRow = f.records().hukou().stream()
                    .filter(h -> h.idNumber().equals(applicant.idNumber()))
                    .findFirst()
                    .orElse(null);
            if (childRow == null) {
                assertTrue(hukouMissing);
                return;
            }
            boolean local =
                    switch (f.scenario()) {
                        case HOUSE_AND_HUKOU, HUKOU_ONLY_RELATIVES, HUKOU_ONLY_RENTING -> true;
                        case PREFERENTIAL -> f.preferential() == PreferentialKind.HIGH_LEVEL_TALENT;
                        default -> false;
                    };
            assertEquals(local, childRow.regionCode().equals("620123"), f.scenario() + " " + childRow.regionCode());
            assertTrue(childRow.address().startsWith(childRow.regionName()), childRow.address());
            if (f.scenario() == FamilyScenario.HOUSE_AND_HUKOU
                    && f.defects().stream().noneMatch(d -> d.kind() == DefectKind.PROPERTY_OUTSIDE_COUNTY)) {
                assertEquals(f.home().line(), childRow.address(), "房户一致");
            }
        });
    }

    @Test
    void migrantsHavePermitRentalAndInsuranceOrABusinessFromElsewhereInChina() {
        Set<String> provinces = new HashSet<>();
        cut.families(5000).filter(f -> f.scenario() == FamilyScenario.MIGRANT).forEach(f -> {
            Person applying = f.guardians().get(0).person();
            assertTrue(f.records().residencePermits().stream()
                    .anyMatch(p -> p.idNumber().equals(applying.idNumber())));
            assertEquals(f.home().line(), f.records().residencePermits().get(0).residenceAddress());
            RentalRegistrationRecord lease = f.records().rentalRegistrations().get(0);
            assertEquals(applying.idNumber(), lease.tenantIdNumber());
            assertEquals(f.home().line(), lease.location());
            assertTrue(
                    !lease.leaseEnd().isBefore(cut.asOf()) && lease.leaseStart().isBefore(cut.asOf()));
            assertTrue(!f.records().socialInsurance().isEmpty()
                    || !f.records().individualBusinessLicences().isEmpty()
                    || !f.records().enterpriseLicences().isEmpty());
            String hukouRegion = f.records().hukou().stream()
                    .filter(h -> h.relationCode().equals("02"))
                    .findFirst()
                    .orElseThrow()
                    .regionCode();
            assertNotEquals("620123", hukouRegion);
            assertTrue(RegionCatalog.load().area(hukouRegion).isPresent());
            provinces.add(hukouRegion.substring(0, 2));
            if (!f.hasDefect(DefectKind.EXPIRED_RESIDENCE_PERMIT)) {
                assertTrue(f.records().residencePermits().stream()
                        .allMatch(p -> p.validUntil().isAfter(cut.asOf())));
            }
        });
        assertTrue(provinces.contains("62") && provinces.size() > 10, "origins: " + provinces);
    }

    @Test
    void socialInsuranceMonthsAreSortedRecentAndGapsOnlyWhereInjected() {
        YearMonth last = YearMonth.from(cut.asOf()).minusMonths(1);
        cut.families(5000).forEach(f -> {
            for (SocialInsuranceRecord s : f.records().socialInsurance()) {
                List<YearMonth> months = s.paidMonths();
                for (int i = 1; i < months.size(); i++) {
                    assertTrue(months.get(i - 1).isBefore(months.get(i)), "sorted, no duplicates");
                }
                assertEquals(last, s.lastMonth());
                boolean gap = f.defects().stream()
                        .anyMatch(d -> d.kind() == DefectKind.SOCIAL_INSURANCE_GAP
                                && d.subjectIdNumber().equals(s.idNumber()));
                int expected = (int) Math.min(24, s.firstMonth().until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
                if (gap) {
                    assertTrue(s.monthsInLastTwoYears(last) < expected);
                } else {
                    assertEquals(expected, s.monthsInLastTwoYears(last));
                }
                assertTrue(people(f).stream()
                        .anyMatch(p ->
                                p.idNumber().equals(s.idNumber()) && p.name().equals(s.name())));
            }
        });
    }

    @Test
    void titlesBelongToTheFamilyAndLieWhereTheScenarioSays() {
        cut.families(5000).forEach(f -> {
            Set<String> adults = new HashSet<>();
            f.adults().forEach(a -> adults.add(a.person().idNumber()));
            for (RealEstateTitleRecord t : f.records().realEstateTitles()) {
                assertTrue(adults.contains(t.holderIdNumber()));
                t.coOwners().forEach(c -> assertTrue(adults.contains(c.idNumber())));
                assertTrue(Set.of("单独所有", "共同共有", "按份共有").contains(t.coOwnershipType()));
                assertEquals(t.coOwnershipType().equals("单独所有"), t.coOwners().isEmpty());
                if (t.coOwnershipType().equals("按份共有")) {
                    int total = Integer.parseInt(t.holderShare().replace("%", ""))
                            + Integer.parseInt(t.coOwners().get(0).share().replace("%", ""));
                    assertEquals(100, total);
                }
                assertTrue(t.certificateNumber().matches(".\\(\\d{4}\\).+不动产权第\\d{7}号"), t.certificateNumber());
                boolean outside = f.hasDefect(DefectKind.PROPERTY_OUTSIDE_COUNTY);
                assertEquals(!outside, t.locationRegionCode().equals("620123"), t.location());
                assertEquals(f.home().line(), t.location());
            }
            if (f.scenario() == FamilyScenario.HOUSE_AND_HUKOU || f.scenario() == FamilyScenario.HUKOU_ONLY_RELATIVES) {
                assertFalse(f.records().realEstateTitles().isEmpty()
                        && f.records().purchaseContracts().isEmpty());
            }
            for (IndividualBusinessLicenceRecord b : f.records().individualBusinessLicences()) {
                assertTrue(CreditCodes.isValid(b.creditCode()), b.creditCode());
            }
            for (EnterpriseLicenceRecord b : f.records().enterpriseLicences()) {
                assertTrue(CreditCodes.isValid(b.creditCode()), b.creditCode());
            }
        });
    }

    @Test
    void everyScenarioAndPreferentialKindOccurs() {
        Map<FamilyScenario, Long> scenarios =
                cut.families(5000).collect(Collectors.groupingBy(Family::scenario, Collectors.counting()));
        assertEquals(FamilyScenario.values().length, scenarios.size(), scenarios.toString());
        assertTrue(scenarios.get(FamilyScenario.HOUSE_AND_HUKOU) > scenarios.get(FamilyScenario.MIGRANT));
        Set<PreferentialKind> kinds =
                cut.families(5000).map(Family::preferential).collect(Collectors.toSet());
        assertEquals(Set.of(PreferentialKind.values()), kinds);
        assertTrue(
                cut.families(5000)
                        .anyMatch(f -> f.adults().get(0).kinship() == Kinship.GRANDMOTHER
                                || f.adults().get(0).kinship() == Kinship.GRANDFATHER
                                || f.adults().get(0).kinship() == Kinship.MATERNAL_GRANDMOTHER
                                || f.adults().get(0).kinship() == Kinship.MATERNAL_GRANDFATHER),
                "a grandparent applies");
        assertTrue(cut.families(5000)
                .anyMatch(f -> !f.records().affordableHousing().isEmpty()));
    }

    @Test
    void locateFindsTheFamilyOfAnyPersonByIdentityNumber() {
        long size = 5000;
        for (long i = 0; i < size; i += 97) {
            Family f = cut.family(i);
            for (Person p : people(f)) {
                assertEquals(i, cut.locate(p.idNumber(), size).orElseThrow(), p.toString());
            }
            for (RentalRegistrationRecord r : f.records().rentalRegistrations()) {
                assertEquals(i, cut.locate(r.landlordIdNumber(), size).orElseThrow());
            }
        }
        assertTrue(cut.locate("11010519491231002X", size).isEmpty());
        Family last = cut.family(size);
        assertTrue(
                cut.locate(last.applicants().get(0).person().idNumber(), size).isEmpty(), "beyond the size");
    }

    private static List<Person> people(Family f) {
        List<Person> out = new ArrayList<>();
        f.adults().forEach(a -> out.add(a.person()));
        f.children().forEach(c -> out.add(c.person()));
        return out;
    }
}
