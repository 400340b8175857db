package org.oneenroll.simulator.govdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.oneenroll.simulator.population.BirthCertificateRecord;
import org.oneenroll.simulator.population.Child;
import org.oneenroll.simulator.population.CountyLayoutGenerator;
import org.oneenroll.simulator.population.DefectKind;
import org.oneenroll.simulator.population.DefectRates;
import org.oneenroll.simulator.population.Family;
import org.oneenroll.simulator.population.Kinship;
import org.oneenroll.simulator.population.Person;
import org.oneenroll.simulator.population.PopulationGenerator;
import org.oneenroll.simulator.population.RegionCatalog;
import org.oneenroll.simulator.population.SocialInsuranceRecord;

/** For any family of a large population, the platform's answers about its members are that family's records. */
class RecordLookupPropertiesTest {

    private static final long FAMILIES = 200_000;
    private static final PopulationGenerator GENERATOR = new PopulationGenerator(
            new CountyLayoutGenerator().generate("620123", 2026, 16, 30),
            RegionCatalog.load(),
            11,
            2026,
            DefectRates.defaults());

    private final RecordLookup cut = new RecordLookup(GENERATOR, FAMILIES);

    @Property(tries = 150)
    void everyMembersAnswersAreTheirFamilysRecords(@ForAll @LongRange(min = 0, max = FAMILIES - 1) long index) {
        Family f = GENERATOR.family(index);
        for (Child c : f.children()) {
            Person p = c.person();
            boolean lostHukou = f.defects().stream()
                    .anyMatch(d -> d.kind() == DefectKind.MISSING_HUKOU_RECORD
                            && d.subjectIdNumber().equals(p.idNumber()));
            boolean lostBirth = f.defects().stream()
                    .anyMatch(d -> d.kind() == DefectKind.MISSING_BIRTH_CERTIFICATE
                            && d.subjectIdNumber().equals(p.idNumber()));
            List<Map<String, Object>> hukou = cut.find(Source.HUKOU, p.idNumber());
            assertEquals(lostHukou ? 0 : 1, hukou.size());
            hukou.forEach(h -> assertEquals(p.name(), h.get("name")));
            List<Map<String, Object>> births = cut.find(Source.BIRTH_CERTIFICATE, p.idNumber());
            assertEquals(lostBirth ? 0 : 1, births.size());
            births.forEach(b -> assertEquals(p.birthDate(), b.get("birthDate")));
        }
        Person father = f.parent(Kinship.FATHER);
        List<Map<String, Object>> marriage =
                cut.find(Source.MARRIAGE, f.parent(Kinship.MOTHER).idNumber());
        assertEquals(1, marriage.size());
        assertEquals(father.idNumber(), marriage.get(0).get("husbandIdNumber"));
        long fathersCertificates = f.records().birthCertificates().stream()
                .map(BirthCertificateRecord::fatherIdNumber)
                .filter(father.idNumber()::equals)
                .count();
        assertEquals(
                fathersCertificates,
                cut.find(Source.BIRTH_CERTIFICATE, father.idNumber()).size());
        for (SocialInsuranceRecord s : f.records().socialInsurance()) {
            List<Map<String, Object>> rows = cut.find(Source.SOCIAL_INSURANCE, s.idNumber());
            assertTrue(rows.size() >= 1);
            assertEquals(
                    s.monthsInLastTwoYears(YearMonth.from(GENERATOR.asOf()).minusMonths(1)),
                    rows.get(0).get("monthsPaidLast24"));
        }
        f.records()
                .rentalRegistrations()
                .forEach(r -> assertEquals(
                        r.registrationNumber(),
                        cut.find(Source.RENTAL_REGISTRATION, r.landlordIdNumber())
                                .get(0)
                                .get("registrationNumber")));
        f.records().realEstateTitles().forEach(t -> t.coOwners()
                .forEach(o -> assertEquals(
                        t.certificateNumber(),
                        cut.find(Source.REAL_ESTATE_TITLE, o.idNumber()).get(0).get("certificateNumber"))));
    }
}
