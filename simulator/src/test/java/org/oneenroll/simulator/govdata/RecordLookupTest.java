package org.oneenroll.simulator.govdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneenroll.simulator.population.AffordableHousingRecord;
import org.oneenroll.simulator.population.CountyLayoutGenerator;
import org.oneenroll.simulator.population.DefectRates;
import org.oneenroll.simulator.population.EnterpriseLicenceRecord;
import org.oneenroll.simulator.population.Family;
import org.oneenroll.simulator.population.IdentityNumbers;
import org.oneenroll.simulator.population.Person;
import org.oneenroll.simulator.population.PopulationGenerator;
import org.oneenroll.simulator.population.PurchaseContractRecord;
import org.oneenroll.simulator.population.RegionCatalog;

/** Which identity numbers find which records: the rules the documentation promises for each source. */
class RecordLookupTest {

    private static final PopulationGenerator GENERATOR = new PopulationGenerator(
            new CountyLayoutGenerator().generate("620123", 2026, 16, 30),
            RegionCatalog.load(),
            2026,
            2026,
            DefectRates.defaults());
    private static final int FAMILIES = 3000;

    private final RecordLookup cut = new RecordLookup(GENERATOR, FAMILIES);

    @Test
    void aNumberOutsideThePopulationHasNoRecordAnywhere() {
        String stranger = IdentityNumbers.build("110101", LocalDate.of(1985, 3, 4), 998);
        Family beyond = GENERATOR.family(FAMILIES + 10);
        for (Source s : Source.values()) {
            assertTrue(cut.find(s, stranger).isEmpty(), s.slug());
        }
        assertTrue(
                cut.find(Source.HUKOU, beyond.guardians().get(0).person().idNumber())
                        .isEmpty(),
                "only the served families exist");
    }

    @Test
    void aLowerCaseCheckCharacterFindsTheSameRecords() {
        Family f = GENERATOR
                .families(FAMILIES)
                .filter(x ->
                        x.adults().stream().anyMatch(a -> a.person().idNumber().endsWith("X")))
                .findFirst()
                .orElseThrow();
        String id = f.adults().stream()
                .map(a -> a.person().idNumber())
                .filter(i -> i.endsWith("X"))
                .findFirst()
                .orElseThrow();
        assertEquals(cut.find(Source.MARRIAGE, id), cut.find(Source.MARRIAGE, id.toLowerCase()));
        assertEquals(1, cut.find(Source.MARRIAGE, id).size());
    }

    @Test
    void anEnterpriseLicenceIsFoundByItsOperatorsNumber() {
        Family f = GENERATOR
                .families(FAMILIES)
                .filter(x -> !x.records().enterpriseLicences().isEmpty())
                .findFirst()
                .orElseThrow();
        EnterpriseLicenceRecord licence = f.records().enterpriseLicences().get(0);
        Person operator = f.adults().stream()
                .map(a -> a.person())
                .filter(p -> p.name().equals(licence.operatorName()))
                .findFirst()
                .orElseThrow();

        List<Map<String, Object>> rows = cut.find(Source.ENTERPRISE_LICENCE, operator.idNumber());

        assertEquals(1, rows.size());
        assertEquals(licence.creditCode(), rows.get(0).get("creditCode"));
    }

    @Test
    void anyMemberOfAPublicHousingContractGetsTheWholeHousehold() {
        Family f = GENERATOR
                .families(FAMILIES)
                .filter(x -> x.records().affordableHousing().size() > 2)
                .findFirst()
                .orElseThrow();
        AffordableHousingRecord child = f.records().affordableHousing().stream()
                .filter(r -> r.relationToMainApplicant().equals("子女"))
                .findFirst()
                .orElseThrow();

        List<Map<String, Object>> rows = cut.find(Source.AFFORDABLE_HOUSING, child.memberIdNumber());

        assertEquals(f.records().affordableHousing().size(), rows.size());
        assertEquals("本人", rows.get(0).get("relationToMainApplicant"));
    }

    @Test
    void aCoBuyerFindsThePurchaseContract() {
        Family f = GENERATOR
                .families(FAMILIES)
                .filter(x -> x.records().purchaseContracts().stream()
                        .anyMatch(c -> !c.coOwnership().equals("单独所有")))
                .findFirst()
                .orElseThrow();
        PurchaseContractRecord contract = f.records().purchaseContracts().get(0);
        Person coBuyer = f.adults().stream()
                .map(a -> a.person())
                .filter(p -> !p.idNumber().equals(contract.buyerIdNumber()))
                .filter(p -> contract.coOwnership().contains(p.name()))
                .findFirst()
                .orElseThrow();

        assertEquals(
                contract.contractNumber(),
                cut.find(Source.PURCHASE_CONTRACT, coBuyer.idNumber()).get(0).get("contractNumber"));
    }

    @Test
    void everySourcePublishesDistinctFieldsWithChineseNames() {
        Set<String> slugs = new HashSet<>();
        for (Source s : Source.values()) {
            assertTrue(slugs.add(s.slug()));
            Set<String> names = new HashSet<>();
            s.fields().forEach(f -> {
                assertTrue(names.add(f.name()), s + "." + f.name());
                assertTrue(
                        f.chinese()
                                .codePoints()
                                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        f.chinese());
            });
        }
        assertEquals(11, slugs.size());
    }
}
